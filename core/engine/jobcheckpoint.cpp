// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/engine/jobcheckpoint.h"

#include "core/engine/countresult.h"
#include "core/engine/jobspec.h"
#include "core/engine/private/posixfile.h"
#include "core/text/localpath.h"

#include <QCryptographicHash>
#include <QLocale>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace {

constexpr char Magic[8] = {'W', 'M', 'C', 'H', 'E', 'C', 'K', '\n'};
// Magic, version (4 bytes), payload length (8), SHA-256 of the payload (32).
constexpr qsizetype HeaderBytes = 8 + 4 + 8 + 32;

// Little-endian fields appended to a byte array: a few per file and three per word, so that
// a table of millions of words is written in one pass without QDataStream's per-call cost.
class Writer final
{
public:
    explicit Writer(QByteArray *out)
        : m_out(out)
    { }
    template<typename T> void put(T value)
    {
        static_assert(std::is_integral_v<T>);
        char bytes[sizeof(T)];
        for (size_t i = 0; i < sizeof(T); ++i)
            bytes[i] = char(quint64(value) >> (8 * i));
        m_out->append(bytes, qsizetype(sizeof(T)));
    }
    void putBytes(QByteArrayView bytes)
    {
        put(quint32(bytes.size()));
        m_out->append(bytes.data(), bytes.size());
    }
    void putTable(const WordTable *table)
    {
        const qsizetype n = table ? table->size() : 0;
        put(quint64(n));
        for (qsizetype i = 0; i < n; ++i) {
            putBytes(table->word(i));
            put(table->entry(i).count);
        }
    }

private:
    QByteArray *m_out;
};

// Reads what Writer wrote; any read past the end (or a length that does not fit) sets failed().
class Reader final
{
public:
    explicit Reader(QByteArrayView in)
        : m_in(in)
    { }
    bool failed() const { return m_failed; }
    bool atEnd() const { return m_at == m_in.size(); }
    template<typename T> T get()
    {
        static_assert(std::is_integral_v<T>);
        if (m_failed || m_in.size() - m_at < qsizetype(sizeof(T))) {
            m_failed = true;
            return T(0);
        }
        quint64 value = 0;
        for (size_t i = 0; i < sizeof(T); ++i)
            value |= quint64(quint8(m_in[m_at + qsizetype(i)])) << (8 * i);
        m_at += qsizetype(sizeof(T));
        return T(value);
    }
    QByteArrayView getBytes()
    {
        const quint32 n = get<quint32>();
        if (m_failed || quint64(m_in.size() - m_at) < n) {
            m_failed = true;
            return {};
        }
        const QByteArrayView bytes = m_in.sliced(m_at, qsizetype(n));
        m_at += qsizetype(n);
        return bytes;
    }
    std::shared_ptr<WordTable> getTable()
    {
        auto table = std::make_shared<WordTable>();
        const quint64 n = get<quint64>();
        for (quint64 i = 0; i < n && !m_failed; ++i) {
            const QByteArrayView word = getBytes();
            const quint64 count = get<quint64>();
            if (word.size() > CountResult::MaxWordBytes || count == 0)
                m_failed = true;
            else if (!m_failed)
                table->add(word.data(), word.size(), count);
        }
        // Each word once: a word twice would have merged into one entry.
        if (!m_failed && quint64(table->size()) != n)
            m_failed = true;
        return table;
    }

private:
    QByteArrayView m_in;
    qsizetype m_at = 0;
    bool m_failed = false;
};

QString errnoText()
{
    return PosixFile::errorText(errno);
}

} // namespace

bool JobCheckpoint::isOf(const JobSpec &spec) const
{
    const qint64 planned = qBound(JobSpec::MinChunkSize, spec.chunkSize, JobSpec::MaxChunkSize);
    return paths == spec.paths && sampleBytes == spec.sampleBytes
        && (sampleBytes == 0 || sampleSeed == spec.sampleSeed) && mode == spec.mode
        && chunkSize == planned;
}

QByteArray JobCheckpoint::toBytes() const
{
    QByteArray payload;
    Writer w(&payload);
    w.put(quint32(paths.size()));
    for (const QString &path : paths)
        w.putBytes(LocalPath::toNative(path));
    w.put(sampleBytes);
    w.put(sampleSeed);
    w.put(quint8(mode));
    w.put(chunkSize);
    w.put(quint32(files.size()));
    for (const File &f : files) {
        w.putBytes(f.nativePath);
        w.put(f.size);
        w.put(f.modifiedNs);
        w.put(quint8(f.isSample));
        w.put(quint8(f.state));
        w.put(f.words);
        w.put(f.overlongWords);
        w.put(f.windows1252Bytes);
        if (f.state == File::Partial) {
            w.put(quint64(f.chunksMerged.size()));
            for (const qint64 begin : f.chunksMerged)
                w.put(begin);
            w.putTable(f.table.get());
        }
    }
    w.put(words);
    w.put(overlongWords);
    w.putTable(total.get());

    QByteArray bytes;
    bytes.reserve(HeaderBytes + payload.size());
    bytes.append(Magic, sizeof Magic);
    Writer header(&bytes);
    header.put(FormatVersion);
    header.put(quint64(payload.size()));
    bytes.append(QCryptographicHash::hash(payload, QCryptographicHash::Sha256));
    bytes.append(payload);
    return bytes;
}

std::shared_ptr<JobCheckpoint> JobCheckpoint::fromBytes(const QByteArray &bytes, Error *error,
                                                        QString *reason)
{
    const auto fail = [&](Error e, const QString &why) {
        *error = e;
        *reason = why;
        return std::shared_ptr<JobCheckpoint>();
    };
    if (bytes.size() < qsizetype(sizeof Magic)
        || std::memcmp(bytes.constData(), Magic, sizeof Magic) != 0) {
        // A file cut within the magic itself is cut short, not some other file.
        if (bytes.size() < qsizetype(sizeof Magic)
            && std::memcmp(bytes.constData(), Magic, size_t(bytes.size())) == 0)
            return fail(
                Truncated,
                tr("the checkpoint is cut short (%1 bytes)").arg(QLocale().toString(bytes.size())));
        return fail(NotACheckpoint, tr("not a WordMill checkpoint"));
    }
    if (bytes.size() < HeaderBytes)
        return fail(
            Truncated,
            tr("the checkpoint is cut short (%1 bytes)").arg(QLocale().toString(bytes.size())));
    Reader header(QByteArrayView(bytes).sliced(sizeof Magic, 12));
    const quint32 version = header.get<quint32>();
    const quint64 length = header.get<quint64>();
    if (version != FormatVersion)
        return fail(NewerFormat,
                    tr("the checkpoint has format %1; this WordMill reads format %2")
                        .arg(version)
                        .arg(FormatVersion));
    const qint64 whole = HeaderBytes + qint64(std::min<quint64>(length, quint64(1) << 62));
    if (bytes.size() < whole)
        return fail(Truncated,
                    tr("the checkpoint is cut short (%1 of %2 bytes)")
                        .arg(QLocale().toString(bytes.size()), QLocale().toString(whole)));
    const QByteArray payload = bytes.sliced(HeaderBytes, qsizetype(length));
    if (bytes.size() > whole
        || QCryptographicHash::hash(payload, QCryptographicHash::Sha256)
            != bytes.sliced(HeaderBytes - 32, 32))
        return fail(Damaged, tr("the checkpoint is damaged (its checksum does not match)"));

    auto cp = std::make_shared<JobCheckpoint>();
    Reader r(payload);
    const quint32 pathCount = r.get<quint32>();
    for (quint32 i = 0; i < pathCount && !r.failed(); ++i)
        cp->paths.append(LocalPath::fromNative(r.getBytes().toByteArray()));
    cp->sampleBytes = r.get<qint64>();
    cp->sampleSeed = r.get<quint64>();
    const quint8 mode = r.get<quint8>();
    cp->mode
        = mode == quint8(CountingMode::Whitespace) ? CountingMode::Whitespace : CountingMode::Words;
    cp->chunkSize = r.get<qint64>();
    const quint32 fileCount = r.get<quint32>();
    for (quint32 i = 0; i < fileCount && !r.failed(); ++i) {
        File f;
        f.nativePath = r.getBytes().toByteArray();
        f.size = r.get<qint64>();
        f.modifiedNs = r.get<qint64>();
        f.isSample = r.get<quint8>() != 0;
        const quint8 state = r.get<quint8>();
        if (state > File::Partial)
            return fail(Damaged, tr("the checkpoint is damaged (a file's state is unknown)"));
        f.state = File::State(state);
        f.words = r.get<quint64>();
        f.overlongWords = r.get<quint64>();
        f.windows1252Bytes = r.get<quint64>();
        if (f.state == File::Partial) {
            const quint64 chunks = r.get<quint64>();
            for (quint64 c = 0; c < chunks && !r.failed(); ++c)
                f.chunksMerged.push_back(r.get<qint64>());
            f.table = r.getTable();
        }
        cp->files.append(f);
    }
    cp->words = r.get<quint64>();
    cp->overlongWords = r.get<quint64>();
    cp->total = r.getTable();
    // The checksum matched, so this is a writer's mistake or another format under our version.
    if (r.failed() || !r.atEnd() || cp->chunkSize < JobSpec::MinChunkSize
        || mode > quint8(CountingMode::Whitespace))
        return fail(Damaged, tr("the checkpoint is damaged (its contents do not add up)"));
    *error = NoError;
    reason->clear();
    return cp;
}

std::shared_ptr<JobCheckpoint> JobCheckpoint::read(const QString &path, Error *error,
                                                   QString *errorText)
{
    const QString name = LocalPath::quoted(path);
    PosixFile file;
    if (!file.open(LocalPath::toNative(path))) {
        *error = ::access(LocalPath::toNative(path).constData(), F_OK) != 0 && errno == ENOENT
            ? NotFound
            : CannotRead;
        *errorText = tr("%1: cannot read the checkpoint: %2").arg(name, file.errorString());
        return {};
    }
    QByteArray bytes;
    char buffer[1 << 16];
    for (;;) {
        const qint64 n = file.readAt(bytes.size(), buffer, sizeof buffer);
        if (n < 0) {
            *error = CannotRead;
            *errorText = tr("%1: cannot read the checkpoint: %2").arg(name, file.errorString());
            return {};
        }
        if (n == 0)
            break;
        bytes.append(buffer, qsizetype(n));
    }
    QString reason;
    std::shared_ptr<JobCheckpoint> cp = fromBytes(bytes, error, &reason);
    if (!cp)
        *errorText = QStringLiteral("%1: %2").arg(name, reason);
    return cp;
}

bool JobCheckpoint::writeFile(const QString &path, const QByteArray &bytes, QString *errorText)
{
    const QByteArray target = LocalPath::toNative(path);
    const QByteArray temporary = QByteArray(target + ".tmp");
    const auto fail = [&](const QString &why) {
        *errorText = tr("%1: cannot write the checkpoint: %2").arg(LocalPath::quoted(path), why);
        return false;
    };
    const int fd = ::open(temporary.constData(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0)
        return fail(errnoText());
    qsizetype written = 0;
    while (written < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.constData() + written, size_t(bytes.size() - written));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            const QString why = errnoText();
            ::close(fd);
            ::unlink(temporary.constData());
            return fail(why);
        }
        written += n;
    }
    // The bytes reach the disk before the name does: after a crash the name holds the old
    // checkpoint or the whole new one.
    if (::fsync(fd) != 0) {
        const QString why = errnoText();
        ::close(fd);
        ::unlink(temporary.constData());
        return fail(why);
    }
    ::close(fd);
    if (::rename(temporary.constData(), target.constData()) != 0) {
        const QString why = errnoText();
        ::unlink(temporary.constData());
        return fail(why);
    }
    // And the rename itself: the folder's entry.
    const qsizetype slash = target.lastIndexOf('/');
    const QByteArray folder = slash > 0 ? target.left(slash) : QByteArray(slash == 0 ? "/" : ".");
    const int dir = ::open(folder.constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dir >= 0) {
        ::fsync(dir);
        ::close(dir);
    }
    return true;
}

void JobCheckpoint::remove(const QString &path)
{
    const QByteArray target = LocalPath::toNative(path);
    ::unlink(target.constData());
    ::unlink(QByteArray(target + ".tmp").constData());
}
