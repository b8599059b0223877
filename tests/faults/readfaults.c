// SPDX-License-Identifier: GPL-3.0-or-later
// readfaults: an LD_PRELOAD library that makes read(), pread() and pread64() on chosen files fail
// or come up short, so that tests run the real program against the read errors a disk, NFS or a
// FUSE file system can give (tests/faults/tst_readfaults.cpp). Plain C and no Qt: it is loaded
// into any program, before everything else.
//
// Set by environment variables, read once, at the first read:
//   WORDMILL_FAULT_PATH=TEXT     the files affected: those whose path (/proc/self/fd/N) contains
//                                TEXT. Unset or empty: the library changes nothing.
//   WORDMILL_FAULT_EIO_AT=N      a read whose range holds byte N of the file fails with EIO, as
//                                a bad sector would (so a read that stops before N succeeds)
//   WORDMILL_FAULT_SHORT=N       every read returns at most N bytes (N >= 1)
//   WORDMILL_FAULT_EINTR=K       every K-th read of each thread fails with EINTR before it reads
//                                (K >= 2, so that the retry goes through)
//   WORDMILL_FAULT_REPORT=FILE   at exit, appends "reads=R eintr=I short=S eio=E" to FILE: what
//                                was done, so that a test knows the faults really happened
// A setting that does not parse stops the program at its first read: a test must never pass
// because its faults were silently off.
//
// Only calls through the dynamic linker are seen: glibc's own stdio (fread) and fortified
// __read_chk calls are not, and neither WordMill nor Qt Core uses them to read files.
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

typedef ssize_t (*ReadFn)(int, void *, size_t);
typedef ssize_t (*PreadFn)(int, void *, size_t, off_t);
typedef ssize_t (*Pread64Fn)(int, void *, size_t, off64_t);

static pthread_once_t g_once = PTHREAD_ONCE_INIT;
static ReadFn g_read;
static PreadFn g_pread;
static Pread64Fn g_pread64;
static const char *g_path; // NULL: nothing is affected
static long long g_eioAt = -1;
static long long g_short = 0;
static long long g_eintrEvery = 0;
static const char *g_report;

// Counted with atomics: worker threads read at once.
static unsigned long g_reads, g_eintrs, g_shorts, g_eios;
// Per thread, so that a thread's retry after its EINTR is never failed by another's reads.
static _Thread_local unsigned long t_reads;

static void die(const char *what, const char *value)
{
    fprintf(stderr, "readfaults: bad %s '%s'\n", what, value);
    abort();
}

// The variable \a name as a number of at least \a min; \a unset if it is not set.
static long long number(const char *name, long long min, long long unset)
{
    const char *text = getenv(name);
    if (!text || !*text)
        return unset;
    char *end = NULL;
    errno = 0;
    const long long n = strtoll(text, &end, 10);
    if (errno != 0 || *end != '\0' || n < min)
        die(name, text);
    return n;
}

static void setUp(void)
{
    g_read = (ReadFn)dlsym(RTLD_NEXT, "read");
    g_pread = (PreadFn)dlsym(RTLD_NEXT, "pread");
    g_pread64 = (Pread64Fn)dlsym(RTLD_NEXT, "pread64");
    if (!g_read || !g_pread || !g_pread64)
        die("dlsym", dlerror());
    const char *path = getenv("WORDMILL_FAULT_PATH");
    g_path = path && *path ? path : NULL;
    g_eioAt = number("WORDMILL_FAULT_EIO_AT", 0, -1);
    g_short = number("WORDMILL_FAULT_SHORT", 1, 0);
    g_eintrEvery = number("WORDMILL_FAULT_EINTR", 2, 0);
    g_report = getenv("WORDMILL_FAULT_REPORT");
}

__attribute__((destructor)) static void writeReport(void)
{
    pthread_once(&g_once, setUp); // a program that never read still reports reads=0
    if (!g_report || !*g_report)
        return;
    FILE *f = fopen(g_report, "a");
    if (!f)
        return;
    const unsigned long reads = __atomic_load_n(&g_reads, __ATOMIC_SEQ_CST);
    const unsigned long eintrs = __atomic_load_n(&g_eintrs, __ATOMIC_SEQ_CST);
    const unsigned long shorts = __atomic_load_n(&g_shorts, __ATOMIC_SEQ_CST);
    const unsigned long eios = __atomic_load_n(&g_eios, __ATOMIC_SEQ_CST);
    fprintf(f, "reads=%lu eintr=%lu short=%lu eio=%lu\n", reads, eintrs, shorts, eios);
    fclose(f);
}

// Whether \a fd is a file named by WORDMILL_FAULT_PATH. Looked up at each call, so that a
// number closed and opened again for another file is never mistaken for the first.
static int affected(int fd)
{
    if (!g_path)
        return 0;
    char link[64];
    char target[PATH_MAX + 1];
    snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
    const int error = errno; // a read that goes through must find errno as it was
    const ssize_t n = readlink(link, target, PATH_MAX);
    errno = error;
    if (n < 0)
        return 0;
    target[n] = '\0';
    return strstr(target, g_path) != NULL;
}

// Decides the fate of a read of \a *count bytes at \a offset of an affected \a fd: 0 to read
// (\a *count maybe lowered), or -1 with errno set to fail it.
static int inject(int fd, long long offset, size_t *count)
{
    __atomic_fetch_add(&g_reads, 1, __ATOMIC_RELAXED);
    if (g_eintrEvery > 0 && ++t_reads % (unsigned long long)g_eintrEvery == 0) {
        __atomic_fetch_add(&g_eintrs, 1, __ATOMIC_RELAXED);
        errno = EINTR;
        return -1;
    }
    if (g_short > 0 && *count > (size_t)g_short) {
        *count = (size_t)g_short;
        __atomic_fetch_add(&g_shorts, 1, __ATOMIC_RELAXED);
    }
    if (g_eioAt >= 0 && offset >= 0 && g_eioAt >= offset && (size_t)(g_eioAt - offset) < *count) {
        struct stat st;
        if (fstat(fd, &st) == 0 && g_eioAt < (long long)st.st_size) {
            __atomic_fetch_add(&g_eios, 1, __ATOMIC_RELAXED);
            errno = EIO;
            return -1;
        }
    }
    return 0;
}

ssize_t read(int fd, void *buffer, size_t count)
{
    pthread_once(&g_once, setUp);
    if (affected(fd)) {
        // read() reads at the file's position; lseek() is not wrapped, so this asks the system.
        const long long offset = lseek(fd, 0, SEEK_CUR);
        if (inject(fd, offset, &count) < 0)
            return -1;
    }
    return g_read(fd, buffer, count);
}

ssize_t pread(int fd, void *buffer, size_t count, off_t offset)
{
    pthread_once(&g_once, setUp);
    if (affected(fd) && inject(fd, offset, &count) < 0)
        return -1;
    return g_pread(fd, buffer, count, offset);
}

ssize_t pread64(int fd, void *buffer, size_t count, off64_t offset)
{
    pthread_once(&g_once, setUp);
    if (affected(fd) && inject(fd, offset, &count) < 0)
        return -1;
    return g_pread64(fd, buffer, count, offset);
}
