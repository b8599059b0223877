#pragma once

#include <QMainWindow>

//! Placeholder window until the desktop monitor lands.
class MainWindow final : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);
};
