#pragma once

// The real server service in process, on a throwaway SQLite store in a temporary folder, for
// tests and fuzz targets that push hostile input and read back every pull page with the
// tablet's decoder. Also builds valid records of any kind from the schema alone.
#include "agencyserver.h"
#include "protocol.h"
#include "recordvalidator.h"
#include "serverdatabase.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QUrlQuery>

#include <memory>

namespace careround::test {

class ThrowawayServer {
public:
    static constexpr qint64 kNow = 1'800'000'000'000;

    /** A fresh store in a new temporary folder under parent (the system's temp folder). */
    explicit ThrowawayServer(const QString &parent = QDir::tempPath())
        : m_dir(parent + QStringLiteral("/careround-XXXXXX"))
    {
        m_db = ServerDatabase::open(QStringLiteral("sqlite:%1").arg(m_dir.filePath("agency.db")));
        m_server = std::make_unique<AgencyServer>(*m_db, [] { return kNow; });
        m_server->initialize();
        m_server->accounts.setPasswordIterations(1);
    }

    AgencyServer &server() { return *m_server; }

    /** A new account with one enrolled device: the caller its pushes come from. */
    Caller enrol(const QString &login, const QString &role, QByteArray *tokenOut = nullptr)
    {
        m_server->accounts.createAccount(login, login, QStringLiteral("password-1"), role);
        QString account;
        const QString token = m_server->accounts.enrollDevice(login, QStringLiteral("password-1"),
                                                              newUuid7(), login, &account);
        Caller caller;
        m_server->accounts.authenticate("Bearer " + token.toUtf8(), caller);
        if (tokenOut)
            *tokenOut = token.toUtf8();
        return caller;
    }

    /** The next deviceSeq of the caller's device (what hello says it has, plus one). */
    qint64 nextSeq(const Caller &caller)
    {
        return qint64(m_server->sync.hello(caller, {}).body.value("lastDeviceSeq").toDouble()) + 1;
    }

    /** Pushes the changes (deviceSeq set here, in order) as the caller's device. */
    ServiceReply push(const Caller &caller, QVector<QJsonObject> changes, bool newerApp = false)
    {
        qint64 seq = nextSeq(caller);
        QJsonArray array;
        for (QJsonObject &c : changes) {
            c.insert(QStringLiteral("deviceSeq"), double(seq++));
            array.append(c);
        }
        return m_server->sync.push(
            caller,
            QJsonObject{{"schemaVersion", Schema::instance().version() + (newerApp ? 1 : 0)},
                        {"changes", array}});
    }

    /** Every pull page the caller gets from cursor 0, as the bytes sent. */
    QVector<QByteArray> pullAll(const Caller &caller, int limit = 50)
    {
        QVector<QByteArray> pages;
        qint64 cursor = 0;
        for (int guard = 0; guard < 100000; ++guard) {
            const ServiceReply r = m_server->sync.pull(
                caller, QUrlQuery(QStringLiteral("cursor=%1&limit=%2").arg(cursor).arg(limit)));
            pages.append(r.encoded());
            const QJsonObject body = r.object();
            if (r.status != 200 || !body.value("hasMore").toBool())
                break;
            cursor = qint64(body.value("nextCursor").toDouble());
        }
        return pages;
    }

    /** The highest seq, to show that a refused change changed nothing. */
    qint64 maxSeq() { return m_server->store.maxSeq(); }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<ServerDatabase> m_db;
    std::unique_ptr<AgencyServer> m_server;
};

/**
 * Reads a pull page as a tablet does (SyncTransport: one JSON object; DeviceSyncer: each
 * record through Protocol::decodeRecord). Returns an empty string, or what failed.
 */
inline QString decodeOnTablet(const QByteArray &page, int *records = nullptr)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(page, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return QStringLiteral("the page does not parse: %1").arg(error.errorString());
    const QJsonValue list = doc.object().value(QStringLiteral("records"));
    if (!list.isArray())
        return QStringLiteral("the page has no records array");
    for (const auto &json : list.toArray()) {
        Record r;
        qint64 seq = 0;
        QString e = Protocol::decodeRecord(json, r, seq);
        if (!e.isEmpty())
            return e;
    }
    if (records)
        *records = int(list.toArray().size());
    return {};
}

/** A change as a device encodes it. */
inline QJsonObject change(const QString &entity, const QString &id, const QJsonObject &values,
                          Hlc hlc, const QJsonObject &bases = {})
{
    QJsonObject c = Protocol::encodeChange(1, entity, id, hlc, values, bases);
    c.remove(QStringLiteral("deviceSeq"));
    return c;
}

/** A value nested exactly depth levels: [[[...{"leaf": 1}...]]]. */
inline QJsonValue nested(int depth)
{
    QJsonValue v = QJsonObject{{"leaf", 1}};
    for (int i = 1; i < depth; ++i)
        v = QJsonArray{v};
    return v;
}

inline Hlc hlcAt(qint64 millis)
{
    return Hlc::fromParts(quint64(millis), 0);
}

/**
 * Makes valid records from the schema alone, stored by the server itself (AgencyRecords, no
 * access or reference checks): each reference of a record points at a record made for it,
 * of the same client.
 */
class RecordMaker {
public:
    RecordMaker(AgencyServer &server, QString coordinatorId)
        : m_server(server), m_coordinator(std::move(coordinatorId))
    {}

    /** A new client on the coordinator's caseload. */
    QString client() { return make(QStringLiteral("client"), {}); }

    /** The values of a valid new record of the kind for the client; references made first. */
    QJsonObject values(const EntityDef &def, const QString &clientId)
    {
        QJsonObject v;
        QStringList kindFields; // fields naming the kind of another field's record
        for (const FieldDef &fd : def.fields)
            if (!fd.kindField.isEmpty())
                kindFields.append(fd.kindField);
        for (const FieldDef &fd : def.fields) {
            if (fd.name == QLatin1String("voided") || fd.name == QLatin1String("voidReason"))
                continue;
            if (kindFields.contains(fd.name) && fd.allowed.isEmpty()) {
                v.insert(fd.name, QStringLiteral("client"));
            } else if (fd.name == def.clientField) {
                if (fd.name != QLatin1String("id"))
                    v.insert(fd.name, clientId);
            } else if (fd.actor) {
                v.insert(fd.name, m_coordinator); // its author: the account that pushes it
            } else if (fd.type == FieldType::Reference) {
                if (fd.references != def.name) // a record cannot be made before itself
                    v.insert(fd.name, target(fd.references, clientId));
            } else if (!fd.kindField.isEmpty()) {
                continue; // after the kind field
            } else {
                v.insert(fd.name, sample(fd));
            }
        }
        if (!def.caseloadField.isEmpty())
            v.insert(def.caseloadField, m_coordinator);
        for (const FieldDef &fd : def.fields)
            if (!fd.kindField.isEmpty()) {
                const QString kind = v.value(fd.kindField).toString();
                v.insert(fd.name, target(kind, clientId));
            }
        // Enumerated fields that depend on each other (an answer's instrument and item):
        // the first allowed value that makes the whole record valid.
        for (const FieldDef &fd : def.fields)
            for (const QString &allowed : fd.allowed) {
                if (RecordValidator::checkEdit(def, {}, v, true).isEmpty())
                    break;
                v.insert(fd.name, allowed);
            }
        return v;
    }

    /** A stored record of the kind for the client (client-less kinds ignore it); its id. */
    QString make(const QString &kind, const QString &clientId)
    {
        const EntityDef &def = Schema::kind(kind);
        if (def.name == QLatin1String("coordinator"))
            return m_coordinator;
        return m_server.records.createRecord(def.name, values(def, clientId));
    }

private:
    QString target(const QString &kind, const QString &clientId)
    {
        if (kind.isEmpty())
            return make(QStringLiteral("client"), clientId);
        if (kind == QLatin1String("client"))
            return clientId;
        return make(kind, clientId);
    }
    static QJsonValue sample(const FieldDef &fd)
    {
        if (!fd.allowed.isEmpty())
            return fd.allowed.first();
        switch (fd.type) {
        case FieldType::Text:
            return QStringLiteral("sample");
        case FieldType::Integer:
        case FieldType::Real:
            return fd.minimum < fd.maximum ? fd.minimum : 1.0;
        case FieldType::Boolean:
            return true;
        case FieldType::Date:
            return QStringLiteral("2026-11-20");
        case FieldType::DateTime:
            return QStringLiteral("2026-11-20T10:00:00Z");
        case FieldType::TextList:
            return QJsonArray{QStringLiteral("sample")};
        case FieldType::Json:
            return QJsonObject{{"sample", 1}};
        case FieldType::Reference:
            break;
        }
        return {};
    }

    AgencyServer &m_server;
    QString m_coordinator;
};

} // namespace careround::test
