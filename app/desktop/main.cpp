#include "core/format/englishplurals.h"
#include "ui/monitor/mainwindow.h"
#include "ui/monitor/startupoptions.h"

#include <QApplication>
#include <QMessageBox>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("WordMill"));
    QApplication::setApplicationName(QStringLiteral("WordMill"));
    QApplication::setApplicationVersion(QStringLiteral(WORDMILL_VERSION));
    EnglishPlurals::install();

    const StartupOptions options = StartupOptions::parse(app.arguments());
    MainWindow window;
    window.show();
    if (!options.error.isEmpty())
        QMessageBox::warning(&window, QObject::tr("WordMill"), options.error);
    options.apply(window);
    return app.exec();
}
