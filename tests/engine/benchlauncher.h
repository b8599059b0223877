// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Runs programs for the benchmarks and measures each run: wall time, CPU time, peak RSS, exit.

#include <QByteArray>
#include <QFile>
#include <QString>
#include <QStringList>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

//! What one run measured. Trivially copyable: it crosses a pipe.
struct RunFigures
{
    bool started = false;
    bool timedOut = false;
    int exitCode = -1; // -1 if a signal ended it
    int signal = 0;
    double seconds = 0; // wall time from spawn to reaped
    double cpuSeconds = 0; // user + system
    double rssMiB = 0; // the child's peak resident set
    double interruptToExitMs = -1; // from SIGINT to reaped, if asked to interrupt
    double othersCpuSeconds = 0; // CPU time the rest of the machine used meanwhile
};

struct ChildRun : RunFigures
{
    QByteArray stderrText;

    bool succeeded() const { return started && !timedOut && exitCode == 0; }
    QString status() const
    {
        if (!started)
            return QStringLiteral("not started");
        if (timedOut)
            return QStringLiteral("timed out");
        if (signal)
            return QStringLiteral("signal %1").arg(signal);
        return QStringLiteral("exit %1").arg(exitCode);
    }
};

/*!
    \brief Spawns and reaps benchmark runs from a small helper process.

    wait4() gives a child's own peak RSS, but Linux counts in it the peak of the memory image the
    child had before exec(): with posix_spawn (vfork) that is the benchmark's whole image, with
    fork() a copy of it, so a benchmark that has counted 200 MB in-process would see its own
    size in every run. start() therefore forks a launcher while the benchmark is still small; the
    launcher spawns every run, reaps it with wait4() and sends the figures back through a pipe.

    A request is a count and length-prefixed strings (interrupt delay, timeout, stdout path,
    stderr path, argv); the reply is a RunFigures. Use from one thread.
*/
class BenchLauncher final
{
public:
    //! A run still going after this long is killed and reported as timed out (unless run() is
    //! given another limit).
    static constexpr double TimeoutSeconds = 180;

    BenchLauncher() = default;
    BenchLauncher(const BenchLauncher &) = delete;
    BenchLauncher &operator=(const BenchLauncher &) = delete;

    ~BenchLauncher()
    {
        if (m_pid <= 0)
            return;
        ::close(m_requests); // the launcher sees end of file and exits
        ::close(m_replies);
        int status = 0;
        ::waitpid(m_pid, &status, 0);
    }

    //! Forks the launcher: call first thing in main(), before threads and big allocations.
    bool start()
    {
        int requests[2];
        int replies[2];
        if (::pipe2(requests, O_CLOEXEC) != 0 || ::pipe2(replies, O_CLOEXEC) != 0)
            return false;
        m_pid = ::fork();
        if (m_pid < 0)
            return false;
        if (m_pid == 0) {
            ::close(requests[1]);
            ::close(replies[0]);
            serve(requests[0], replies[1]);
        }
        ::close(requests[0]);
        ::close(replies[1]);
        ::signal(SIGPIPE, SIG_IGN); // a launcher that died is reported, not fatal
        m_requests = requests[1];
        m_replies = replies[0];
        return true;
    }

    /*!
        Runs \a program with \a arguments, stdin from /dev/null, stdout to \a stdoutPath
        (/dev/null if empty) and stderr to \a stderrPath, and waits for it. If \a interruptAfter
        is not negative, sends SIGINT that many seconds after the start and times the exit. A run
        still going after \a timeoutSeconds is killed.
    */
    ChildRun run(const QString &program, const QStringList &arguments, const QString &stdoutPath,
                 const QString &stderrPath, double interruptAfter = -1,
                 double timeoutSeconds = TimeoutSeconds)
    {
        std::vector<QByteArray> fields {
            QByteArray::number(interruptAfter), QByteArray::number(timeoutSeconds),
            stdoutPath.isEmpty() ? QByteArray("/dev/null") : QFile::encodeName(stdoutPath),
            QFile::encodeName(stderrPath), QFile::encodeName(program)};
        for (const QString &a : arguments)
            fields.push_back(a.toLocal8Bit());
        QByteArray request;
        const auto appendSize = [&request](quint32 n) {
            request.append(reinterpret_cast<const char *>(&n), sizeof n);
        };
        appendSize(quint32(fields.size()));
        for (const QByteArray &f : fields) {
            appendSize(quint32(f.size()));
            request.append(f);
        }
        RunFigures figures;
        if (!writeFully(m_requests, request.constData(), size_t(request.size()))
            || !readFully(m_replies, &figures, sizeof figures))
            return ChildRun(); // the launcher is gone: reported as not started
        ChildRun run;
        static_cast<RunFigures &>(run) = figures;
        QFile errors(stderrPath);
        if (errors.open(QIODevice::ReadOnly))
            run.stderrText = errors.readAll();
        return run;
    }

    // CPU time all processors have spent busy since boot, from /proc/stat (10 ms resolution).
    static double machineBusySeconds()
    {
        std::FILE *f = std::fopen("/proc/stat", "r");
        if (!f)
            return 0;
        unsigned long long user = 0, nice = 0, system = 0, idle = 0, iowait = 0, irq = 0,
                           softirq = 0, steal = 0;
        const int n = std::fscanf(f, "cpu %llu %llu %llu %llu %llu %llu %llu %llu", &user, &nice,
                                  &system, &idle, &iowait, &irq, &softirq, &steal);
        std::fclose(f);
        const long ticks = ::sysconf(_SC_CLK_TCK);
        if (n < 4 || ticks <= 0)
            return 0;
        return double(user + nice + system + irq + softirq + steal) / double(ticks);
    }

private:
    using Clock = std::chrono::steady_clock;

    [[noreturn]] static void serve(int requests, int replies)
    {
        for (;;) {
            quint32 count = 0;
            if (!readFully(requests, &count, sizeof count) || count < 5)
                ::_exit(0);
            std::vector<std::string> fields(count);
            for (std::string &f : fields) {
                quint32 length = 0;
                if (!readFully(requests, &length, sizeof length))
                    ::_exit(0);
                f.resize(length);
                if (!readFully(requests, f.data(), length))
                    ::_exit(0);
            }
            const double interruptAfter = std::stod(fields[0]);
            const double timeoutSeconds = std::stod(fields[1]);
            std::vector<std::string> argv(fields.begin() + 4, fields.end());
            const RunFigures figures
                = spawnAndReap(argv, fields[2], fields[3], interruptAfter, timeoutSeconds);
            if (!writeFully(replies, &figures, sizeof figures))
                ::_exit(0);
        }
    }

    // Runs in the launcher process: plain C++ and POSIX only.
    static RunFigures spawnAndReap(std::vector<std::string> &argv, const std::string &out,
                                   const std::string &err, double interruptAfter,
                                   double timeoutSeconds)
    {
        RunFigures figures;
        std::vector<char *> args;
        for (std::string &a : argv)
            args.push_back(a.data());
        args.push_back(nullptr);
        posix_spawn_file_actions_t actions;
        posix_spawn_file_actions_init(&actions);
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
        posix_spawn_file_actions_addopen(&actions, 1, out.c_str(), O_WRONLY | O_CREAT | O_TRUNC,
                                         0644);
        posix_spawn_file_actions_addopen(&actions, 2, err.c_str(), O_WRONLY | O_CREAT | O_TRUNC,
                                         0644);
        // A shell starts background jobs with SIGINT ignored: give the child the defaults.
        posix_spawnattr_t attributes;
        posix_spawnattr_init(&attributes);
        sigset_t defaults;
        sigemptyset(&defaults);
        sigaddset(&defaults, SIGINT);
        sigaddset(&defaults, SIGTERM);
        sigset_t noMask;
        sigemptyset(&noMask);
        posix_spawnattr_setsigdefault(&attributes, &defaults);
        posix_spawnattr_setsigmask(&attributes, &noMask);
        posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK);

        const double busyBefore = machineBusySeconds();
        const Clock::time_point start = Clock::now();
        pid_t pid = -1;
        const int spawned = posix_spawn(&pid, args[0], &actions, &attributes, args.data(), environ);
        posix_spawn_file_actions_destroy(&actions);
        posix_spawnattr_destroy(&attributes);
        if (spawned != 0)
            return figures;
        figures.started = true;

        // A watchdog kills a run that hangs, so that the benchmark always finishes.
        std::mutex mutex;
        std::condition_variable reaped;
        bool done = false;
        std::thread watchdog([&] {
            std::unique_lock<std::mutex> lock(mutex);
            if (!reaped.wait_for(lock, std::chrono::duration<double>(timeoutSeconds),
                                 [&] { return done; })) {
                figures.timedOut = true;
                ::kill(pid, SIGKILL);
            }
        });
        Clock::time_point interruptedAt;
        if (interruptAfter >= 0) {
            std::this_thread::sleep_for(std::chrono::duration<double>(interruptAfter));
            interruptedAt = Clock::now();
            ::kill(pid, SIGINT);
        }
        int status = 0;
        rusage usage {};
        while (::wait4(pid, &status, 0, &usage) < 0 && errno == EINTR) { }
        const Clock::time_point end = Clock::now();
        const double busyAfter = machineBusySeconds();
        {
            std::lock_guard<std::mutex> lock(mutex);
            done = true;
        }
        reaped.notify_one();
        watchdog.join();

        figures.seconds = std::chrono::duration<double>(end - start).count();
        if (interruptAfter >= 0)
            figures.interruptToExitMs
                = std::chrono::duration<double, std::milli>(end - interruptedAt).count();
        figures.cpuSeconds = double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
            + double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
        figures.rssMiB = double(usage.ru_maxrss) / 1024.0; // Linux reports KiB
        figures.othersCpuSeconds = std::max(0.0, busyAfter - busyBefore - figures.cpuSeconds);
        if (WIFEXITED(status))
            figures.exitCode = WEXITSTATUS(status);
        else if (WIFSIGNALED(status))
            figures.signal = WTERMSIG(status);
        return figures;
    }

    static bool readFully(int fd, void *data, size_t length)
    {
        auto *p = static_cast<char *>(data);
        while (length > 0) {
            const ssize_t n = ::read(fd, p, length);
            if (n < 0 && errno == EINTR)
                continue;
            if (n <= 0)
                return false;
            p += n;
            length -= size_t(n);
        }
        return true;
    }

    static bool writeFully(int fd, const void *data, size_t length)
    {
        const auto *p = static_cast<const char *>(data);
        while (length > 0) {
            const ssize_t n = ::write(fd, p, length);
            if (n < 0 && errno == EINTR)
                continue;
            if (n <= 0)
                return false;
            p += n;
            length -= size_t(n);
        }
        return true;
    }

    pid_t m_pid = -1;
    int m_requests = -1; // write end
    int m_replies = -1; // read end
};
