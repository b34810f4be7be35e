#include "agencyservice.h"

#include "protocol.h"
#include "recordvalidator.h"
#include "sqlitedatabase.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>

#include <openssl/crypto.h>
#include <openssl/evp.h>

namespace careround {

namespace {

const QString kServerNode = QStringLiteral("server");

QString toJsonText(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

QJsonObject fromJsonText(const QVariant &v)
{
    return QJsonDocument::fromJson(v.toString().toUtf8()).object();
}

/** Appends a JSON string literal. */
void appendJsonString(QByteArray &out, const QString &text)
{
    out.append('"');
    for (const char c : text.toUtf8()) {
        if (c == '"' || c == '\\') {
            out.append('\\').append(c);
        } else if (static_cast<unsigned char>(c) < 0x20) {
            out.append(QByteArrayLiteral("\\u00"))
                .append(QByteArray::number(static_cast<unsigned char>(c) >> 4, 16))
                .append(QByteArray::number(c & 0xf, 16));
        } else {
            out.append(c);
        }
    }
    out.append('"');
}

/** Stored JSON object text as it goes on the wire ({} when there is none). */
QByteArray storedObject(const QVariant &v)
{
    const QByteArray text = v.toString().toUtf8();
    return text.isEmpty() ? QByteArrayLiteral("{}") : text;
}

QString nowIso(const WallClock &wall)
{
    return QDateTime::fromMSecsSinceEpoch(wall(), Qt::UTC).toString(Qt::ISODate);
}

QByteArray randomBytes(int n)
{
    QByteArray bytes(n, Qt::Uninitialized);
    QRandomGenerator::system()->generate(reinterpret_cast<quint32 *>(bytes.data()),
                                         reinterpret_cast<quint32 *>(bytes.data() + n));
    return bytes;
}

QString tokenHash(const QByteArray &token)
{
    return QString::fromLatin1(QCryptographicHash::hash(token, QCryptographicHash::Sha256).toHex());
}

ServiceReply error(int status, const QString &code, const QString &message)
{
    return ServiceReply{status, Protocol::errorBody(code, message)};
}

QString clientIdOf(const EntityDef &def, const QString &id, const QJsonObject &values)
{
    if (def.clientField.isEmpty())
        return {};
    if (def.clientField == QLatin1String("id"))
        return id;
    return values.value(def.clientField).toString();
}

/** A request refused as a whole: the transaction rolls back and nothing is stored. */
struct Refusal {
    ServiceReply reply;
};

// Sign-in attempts: a login (or an address) that failed this often in the window waits.
constexpr int kMaxLoginFailures = 5;
constexpr qint64 kLoginWindowMs = 15 * 60 * 1000;
constexpr int kMaxTokenFailures = 30;
constexpr qint64 kTokenWindowMs = 60 * 1000;

const char *kSchemaSql[] = {
    "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)",
    "CREATE TABLE IF NOT EXISTS counter (name TEXT PRIMARY KEY, value BIGINT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS record (entity TEXT NOT NULL, id TEXT NOT NULL, client_id TEXT,"
    " seq BIGINT NOT NULL, vals TEXT NOT NULL, stamps TEXT NOT NULL, PRIMARY KEY (entity, id))",
    "CREATE INDEX IF NOT EXISTS record_seq ON record (seq)",
    "CREATE INDEX IF NOT EXISTS record_client ON record (client_id, seq)",
    "CREATE TABLE IF NOT EXISTS account (id TEXT PRIMARY KEY, login TEXT NOT NULL UNIQUE,"
    " password_hash TEXT NOT NULL, role TEXT NOT NULL, name TEXT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS device (id TEXT PRIMARY KEY, account_id TEXT NOT NULL,"
    " token_hash TEXT UNIQUE, label TEXT, status TEXT NOT NULL, last_seq BIGINT NOT NULL,"
    " enrolled_at TEXT, revoked_at TEXT)",
    "CREATE TABLE IF NOT EXISTS caseload (client_id TEXT NOT NULL, coordinator_id TEXT NOT NULL,"
    " current INTEGER NOT NULL, until_ms BIGINT, PRIMARY KEY (client_id, coordinator_id))",
    "CREATE INDEX IF NOT EXISTS caseload_coordinator ON caseload (coordinator_id, current)",
    "CREATE TABLE IF NOT EXISTS seal (record_id TEXT PRIMARY KEY, signature_id TEXT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS audit (at TEXT NOT NULL, actor TEXT, device TEXT,"
    " action TEXT NOT NULL, detail TEXT)",
    "CREATE TABLE IF NOT EXISTS auth_failure (key TEXT NOT NULL, at BIGINT NOT NULL)",
    "CREATE INDEX IF NOT EXISTS auth_failure_key ON auth_failure (key, at)",
};

} // namespace

QByteArray ServiceReply::encoded() const
{
    return json.isEmpty() ? QJsonDocument(body).toJson(QJsonDocument::Compact) : json;
}

QJsonObject ServiceReply::object() const
{
    return json.isEmpty() ? body : QJsonDocument::fromJson(json).object();
}

struct AgencyService::WriteState {
    qint64 seq = 0;
    HybridLogicalClock clock;
};

AgencyService::AgencyService(ServerDatabase &db, WallClock wall) : m_db(db), m_wall(std::move(wall))
{}

void AgencyService::initialize()
{
    if (m_db.isPostgres())
        m_db.exec(QStringLiteral("SELECT pg_advisory_lock(7301)"));
    for (const char *sql : kSchemaSql)
        m_db.exec(QString::fromLatin1(sql));
    for (const char *name : {"seq", "hlc"}) {
        m_db.exec(QStringLiteral("INSERT INTO counter (name, value) SELECT ?, 0 WHERE NOT EXISTS "
                                 "(SELECT 1 FROM counter WHERE name = ?)"),
                  {QString::fromLatin1(name), QString::fromLatin1(name)});
    }
    if (epoch().isEmpty())
        newEpoch();
    if (m_db.isPostgres())
        m_db.exec(QStringLiteral("SELECT pg_advisory_unlock(7301)"));
}

QString AgencyService::epoch()
{
    return m_db.scalar(QStringLiteral("SELECT value FROM meta WHERE key = 'epoch'")).toString();
}

QString AgencyService::newEpoch()
{
    const QString e = newUuid7();
    ServerTransaction tx(m_db, ServerTransaction::Write);
    m_db.exec(QStringLiteral("DELETE FROM meta WHERE key = 'epoch'"));
    m_db.exec(QStringLiteral("INSERT INTO meta (key, value) VALUES ('epoch', ?)"), {e});
    tx.commit();
    return e;
}

void AgencyService::createAgency(const QString &name)
{
    if (name.trimmed().isEmpty())
        throw StoreError(StoreError::Code::InvalidInput, QStringLiteral("The agency needs a name"));
    ServerTransaction tx(m_db, ServerTransaction::Write);
    m_db.exec(QStringLiteral("DELETE FROM meta WHERE key = 'agency'"));
    m_db.exec(QStringLiteral("INSERT INTO meta (key, value) VALUES ('agency', ?)"), {name});
    tx.commit();
}

qint64 AgencyService::maxSeq()
{
    return m_db.scalar(QStringLiteral("SELECT value FROM counter WHERE name = 'seq'")).toLongLong();
}

Stamp AgencyService::serverStamp(WriteState &state)
{
    return Stamp{state.clock.now(), kServerNode};
}

QString AgencyService::createAccount(const QString &login, const QString &name,
                                     const QString &password, const QString &role)
{
    if (login.trimmed().isEmpty() || name.trimmed().isEmpty())
        throw StoreError(StoreError::Code::InvalidInput,
                         QStringLiteral("An account needs a login and a name"));
    if (password.size() < 8)
        throw StoreError(StoreError::Code::InvalidInput,
                         QStringLiteral("The password must have at least 8 characters"));
    if (role != QLatin1String("coordinator") && role != QLatin1String("supervisor"))
        throw StoreError(StoreError::Code::InvalidInput,
                         QStringLiteral("The role must be coordinator or supervisor"));
    if (!accountIdForLogin(login).isEmpty())
        throw StoreError(StoreError::Code::InvalidInput,
                         QStringLiteral("There is already an account with this login"));
    const QString hash = PasswordHash::hash(password, m_passwordIterations);
    const QString id = createRecord(QStringLiteral("coordinator"),
                                    QJsonObject{{"name", name}, {"role", role}, {"active", true}});
    ServerTransaction tx(m_db, ServerTransaction::Write);
    m_db.exec(QStringLiteral("INSERT INTO account (id, login, password_hash, role, name) "
                             "VALUES (?, ?, ?, ?, ?)"),
              {id, login, hash, role, name});
    tx.commit();
    audit(id, {}, QStringLiteral("account_created"), role);
    return id;
}

QString AgencyService::accountIdForLogin(const QString &login)
{
    return m_db.scalar(QStringLiteral("SELECT id FROM account WHERE login = ?"), {login})
        .toString();
}

void AgencyService::assignClient(const QString &clientId, const QString &login)
{
    const QString coordinator = accountIdForLogin(login);
    if (coordinator.isEmpty())
        throw StoreError(StoreError::Code::NotFound, QStringLiteral("There is no such account"));
    const EntityDef &def = *Schema::instance().entity(QStringLiteral("client"));
    ServerTransaction tx(m_db, ServerTransaction::Write);
    std::optional<Record> client = loadRecord(def, clientId, nullptr);
    if (!client)
        throw StoreError(StoreError::Code::NotFound, QStringLiteral("There is no such client"));
    WriteState state{maxSeq(), HybridLogicalClock(m_wall)};
    state.clock.observe(Hlc{quint64(
        m_db.scalar(QStringLiteral("SELECT value FROM counter WHERE name = 'hlc'")).toLongLong())});
    const Stamp stamp = serverStamp(state);
    client->values.insert(QStringLiteral("coordinatorId"), coordinator);
    client->stamps.insert(QStringLiteral("coordinatorId"), stamp);
    writeRecord(state, def, *client, clientId);
    m_db.exec(QStringLiteral("UPDATE counter SET value = ? WHERE name = 'seq'"), {state.seq});
    m_db.exec(QStringLiteral("UPDATE counter SET value = ? WHERE name = 'hlc'"),
              {qint64(state.clock.last().packed)});
    tx.commit();
    audit(QStringLiteral("admin"), {}, QStringLiteral("client_assigned"), coordinator);
}

QString AgencyService::createRecord(const QString &entity, const QJsonObject &values)
{
    const EntityDef *def = Schema::instance().entity(entity);
    if (!def || !def->replicated)
        throw StoreError(StoreError::Code::InvalidInput, QStringLiteral("Unknown record kind"));
    const QString error = RecordValidator::checkEdit(*def, {}, values, true);
    if (!error.isEmpty())
        throw StoreError(StoreError::Code::InvalidInput, error);
    ServerTransaction tx(m_db, ServerTransaction::Write);
    WriteState state{maxSeq(), HybridLogicalClock(m_wall)};
    state.clock.observe(Hlc{quint64(
        m_db.scalar(QStringLiteral("SELECT value FROM counter WHERE name = 'hlc'")).toLongLong())});
    Record r;
    r.entity = def->name;
    r.id = newUuid7();
    const Stamp stamp = serverStamp(state);
    for (auto it = values.begin(); it != values.end(); ++it) {
        r.values.insert(it.key(), it.value());
        r.stamps.insert(it.key(), stamp);
    }
    writeRecord(state, *def, r, clientIdOf(*def, r.id, values));
    m_db.exec(QStringLiteral("UPDATE counter SET value = ? WHERE name = 'seq'"), {state.seq});
    m_db.exec(QStringLiteral("UPDATE counter SET value = ? WHERE name = 'hlc'"),
              {qint64(state.clock.last().packed)});
    tx.commit();
    return r.id;
}

void AgencyService::writeRecord(WriteState &state, const EntityDef &def, const Record &record,
                                const QString &clientId)
{
    const qint64 seq = ++state.seq;
    const QString vals = toJsonText(record.values);
    const QString stamps = toJsonText(Protocol::stampsToJson(record.stamps));
    m_db.exec(QStringLiteral("UPDATE record SET seq = ?, vals = ?, stamps = ? WHERE entity = ? "
                             "AND id = ?"),
              {seq, vals, stamps, def.name, record.id});
    if (m_db.affected() == 0)
        m_db.exec(QStringLiteral("INSERT INTO record (entity, id, client_id, seq, vals, stamps) "
                                 "VALUES (?, ?, ?, ?, ?, ?)"),
                  {def.name, record.id, clientId.isEmpty() ? QVariant() : QVariant(clientId), seq,
                   vals, stamps});
    if (def.name == QLatin1String("client")) {
        const QString coordinator = record.values.value(QStringLiteral("coordinatorId")).toString();
        m_db.exec(QStringLiteral("UPDATE caseload SET current = 0, until_ms = ? WHERE client_id = "
                                 "? AND coordinator_id <> ? AND current = 1"),
                  {m_wall(), record.id, coordinator});
        if (!coordinator.isEmpty()) {
            m_db.exec(QStringLiteral("UPDATE caseload SET current = 1, until_ms = NULL WHERE "
                                     "client_id = ? AND coordinator_id = ?"),
                      {record.id, coordinator});
            if (m_db.affected() == 0)
                m_db.exec(QStringLiteral("INSERT INTO caseload (client_id, coordinator_id, "
                                         "current) VALUES (?, ?, 1)"),
                          {record.id, coordinator});
        }
    } else if (def.name == QLatin1String("signature")) {
        const QString target = record.values.value(QStringLiteral("recordId")).toString();
        if (!m_db.scalar(QStringLiteral("SELECT 1 FROM seal WHERE record_id = ?"), {target})
                 .isValid())
            m_db.exec(QStringLiteral("INSERT INTO seal (record_id, signature_id) VALUES (?, ?)"),
                      {target, record.id});
    }
}

std::optional<Record> AgencyService::loadRecord(const EntityDef &def, const QString &id,
                                                QString *clientId)
{
    const QVector<ServerDatabase::Row> rows = m_db.query(
        QStringLiteral("SELECT vals, stamps, client_id FROM record WHERE entity = ? AND id = ?"),
        {def.name, id});
    if (rows.isEmpty())
        return std::nullopt;
    Record r;
    r.entity = def.name;
    r.id = id;
    r.values = fromJsonText(rows[0][0]);
    Protocol::stampsFromJson(fromJsonText(rows[0][1]), r.stamps);
    if (clientId)
        *clientId = rows[0][2].toString();
    return r;
}

bool AgencyService::isSealed(const EntityDef &def, const Record &record)
{
    const QString target = def.signable ? record.id
                           : !def.sealedVia.isEmpty()
                               ? record.values.value(def.sealedVia).toString()
                               : QString();
    return !target.isEmpty() &&
           m_db.scalar(QStringLiteral("SELECT 1 FROM seal WHERE record_id = ?"), {target})
               .isValid();
}

void AgencyService::recordConflict(WriteState &state, const EntityDef &def, const Record &record,
                                   const QString &clientId, const ConflictDraft &draft)
{
    const EntityDef &conflictDef = *Schema::instance().entity(QStringLiteral("conflict"));
    const QString id = draft.conflictId(def.name, record.id);
    if (loadRecord(conflictDef, id, nullptr))
        return;
    Record c;
    c.entity = conflictDef.name;
    c.id = id;
    c.values = QJsonObject{
        {"recordEntity", def.name},
        {"recordId", record.id},
        {"clientId", clientId.isEmpty() ? QJsonValue() : QJsonValue(clientId)},
        {"field", draft.field},
        {"kind", conflictKindName(draft.kind)},
        {"keptValue", QJsonObject{{"value", draft.keptValue}}},
        {"keptStamp", draft.keptStamp.toString()},
        {"otherValue", QJsonObject{{"value", draft.otherValue}}},
        {"otherStamp", draft.otherStamp.toString()},
        {"status", "open"},
    };
    const Stamp stamp = serverStamp(state);
    for (auto it = c.values.begin(); it != c.values.end(); ++it)
        c.stamps.insert(it.key(), stamp);
    writeRecord(state, conflictDef, c, clientId);
}

QStringList AgencyService::caseload(const QString &coordinatorId)
{
    QStringList ids;
    for (const auto &row : m_db.query(QStringLiteral("SELECT client_id FROM caseload WHERE "
                                                     "coordinator_id = ? AND current = 1 ORDER BY "
                                                     "client_id"),
                                      {coordinatorId}))
        ids.append(row[0].toString());
    return ids;
}

bool AgencyService::mayWrite(const Caller &caller, const QString &clientId, Hlc editHlc)
{
    if (caller.isSupervisor())
        return true;
    // A coordinator may write to clients on the caseload, and to a client that left it for
    // edits made before it left: those are merged, not lost.
    const QVector<ServerDatabase::Row> rows =
        m_db.query(QStringLiteral("SELECT current, until_ms FROM caseload WHERE client_id = ? AND "
                                  "coordinator_id = ?"),
                   {clientId, caller.accountId});
    if (rows.isEmpty())
        return false;
    return rows[0][0].toInt() == 1 || qint64(editHlc.millis()) <= rows[0][1].toLongLong();
}

void AgencyService::audit(const QString &actor, const QString &device, const QString &action,
                          const QString &detail)
{
    m_db.exec(QStringLiteral("INSERT INTO audit (at, actor, device, action, detail) VALUES "
                             "(?, ?, ?, ?, ?)"),
              {nowIso(m_wall), actor, device, action, detail});
}

QString AgencyService::enrollDevice(const QString &login, const QString &password,
                                    const QString &deviceId, const QString &label,
                                    QString *accountId)
{
    const QVector<ServerDatabase::Row> rows = m_db.query(
        QStringLiteral("SELECT id, password_hash FROM account WHERE login = ?"), {login});
    // Verify a hash even for an unknown login, so timing does not tell which logins exist.
    static const QString dummy = PasswordHash::hash(QStringLiteral("not a password"));
    const bool ok = PasswordHash::verify(password, rows.isEmpty() ? dummy : rows[0][1].toString());
    if (rows.isEmpty() || !ok) {
        audit(login.left(64), deviceId.left(64), QStringLiteral("login_failed"), {});
        throw StoreError(StoreError::Code::InvalidInput,
                         QStringLiteral("The login or password is not right"));
    }
    if (!RecordValidator::isUuid(deviceId))
        throw StoreError(StoreError::Code::InvalidInput,
                         QStringLiteral("The device id must be a UUID"));
    const QString account = rows[0][0].toString();
    const QByteArray token =
        randomBytes(32).toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    ServerTransaction tx(m_db, ServerTransaction::Write);
    const QVector<ServerDatabase::Row> existing = m_db.query(
        QStringLiteral("SELECT account_id, status FROM device WHERE id = ?"), {deviceId});
    if (!existing.isEmpty()) {
        if (existing[0][0].toString() != account ||
            existing[0][1].toString() != QLatin1String("active"))
            throw StoreError(StoreError::Code::InvalidInput,
                             QStringLiteral("This device cannot be enrolled again"));
        m_db.exec(QStringLiteral("UPDATE device SET token_hash = ? WHERE id = ?"),
                  {tokenHash(token), deviceId});
    } else {
        m_db.exec(QStringLiteral("INSERT INTO device (id, account_id, token_hash, label, status, "
                                 "last_seq, enrolled_at) VALUES (?, ?, ?, ?, 'active', 0, ?)"),
                  {deviceId, account, tokenHash(token), label.left(200), nowIso(m_wall)});
    }
    audit(account, deviceId, QStringLiteral("device_enrolled"), {});
    tx.commit();
    if (accountId)
        *accountId = account;
    return QString::fromLatin1(token);
}

QVector<DeviceInfo> AgencyService::devices()
{
    QVector<DeviceInfo> out;
    for (const auto &row : m_db.query(QStringLiteral(
             "SELECT d.id, a.login, d.label, d.status, d.last_seq, d.enrolled_at FROM device d "
             "JOIN account a ON a.id = d.account_id ORDER BY a.login, d.enrolled_at")))
        out.append(DeviceInfo{row[0].toString(), row[1].toString(), row[2].toString(),
                              row[3].toString(), row[4].toLongLong(), row[5].toString()});
    return out;
}

void AgencyService::revokeDevice(const QString &deviceId)
{
    ServerTransaction tx(m_db, ServerTransaction::Write);
    m_db.exec(QStringLiteral("UPDATE device SET status = 'revoked', revoked_at = ? WHERE id = ?"),
              {nowIso(m_wall), deviceId});
    if (m_db.affected() == 0)
        throw StoreError(StoreError::Code::NotFound, QStringLiteral("There is no such device"));
    audit(QStringLiteral("admin"), deviceId, QStringLiteral("device_revoked"), {});
    tx.commit();
}

std::optional<ServiceReply> AgencyService::authenticate(const QByteArray &authorization,
                                                        Caller &caller)
{
    // Only wrong tokens are throttled: a valid token behind a busy address always works.
    const QString ipKey = QStringLiteral("token-ip:") + caller.remote;
    const QVector<ServerDatabase::Row> rows =
        authorization.startsWith("Bearer ") && authorization.size() >= 20
            ? m_db.query(QStringLiteral("SELECT d.id, d.status, a.id, a.role FROM device d JOIN "
                                        "account a ON a.id = d.account_id WHERE d.token_hash = ?"),
                         {tokenHash(authorization.mid(7).trimmed())})
            : QVector<ServerDatabase::Row>();
    if (rows.isEmpty()) {
        if (auto wait = throttled(ipKey, kMaxTokenFailures, kTokenWindowMs))
            return wait;
        noteFailure(ipKey);
        audit({}, {}, QStringLiteral("token_rejected"), caller.remote.left(64));
        return error(401, QStringLiteral("unauthenticated"),
                     QStringLiteral("The device token is not valid: enrol the device again"));
    }
    if (rows[0][1].toString() != QLatin1String("active"))
        return error(403, QStringLiteral("device_revoked"),
                     QStringLiteral("This device was revoked by the agency; its data is wiped"));
    caller.deviceId = rows[0][0].toString();
    caller.accountId = rows[0][2].toString();
    caller.role = rows[0][3].toString();
    return std::nullopt;
}

std::optional<ServiceReply> AgencyService::throttled(const QString &key, int maxFailures,
                                                     qint64 windowMs)
{
    const qint64 since = m_wall() - windowMs;
    const QVector<ServerDatabase::Row> rows = m_db.query(
        QStringLiteral("SELECT count(*), min(at) FROM auth_failure WHERE key = ? AND at > ?"),
        {key, since});
    if (rows.isEmpty() || rows[0][0].toLongLong() < maxFailures)
        return std::nullopt;
    const qint64 waitMs = rows[0][1].toLongLong() + windowMs - m_wall();
    const int minutes = int(qMax<qint64>(1, (waitMs + 59999) / 60000));
    ServiceReply reply =
        error(429, QStringLiteral("too_many_attempts"),
              QStringLiteral("Too many failed attempts. Try again in %1 minute(s).").arg(minutes));
    reply.body.insert(QStringLiteral("retryAfterSeconds"), double((waitMs + 999) / 1000));
    return reply;
}

void AgencyService::noteFailure(const QString &key)
{
    m_db.exec(QStringLiteral("DELETE FROM auth_failure WHERE at < ?"),
              {m_wall() - qMax(kLoginWindowMs, kTokenWindowMs)});
    m_db.exec(QStringLiteral("INSERT INTO auth_failure (key, at) VALUES (?, ?)"), {key, m_wall()});
}

ServiceReply AgencyService::enroll(const QJsonObject &body, const QString &remote)
{
    const QJsonValue login = body.value(QStringLiteral("login"));
    const QJsonValue password = body.value(QStringLiteral("password"));
    const QJsonValue deviceId = body.value(QStringLiteral("deviceId"));
    if (!login.isString() || !password.isString() || !deviceId.isString())
        return error(400, QStringLiteral("bad_request"),
                     QStringLiteral("login, password and deviceId must be strings"));
    const QString loginKey = QStringLiteral("login:") + login.toString().left(128);
    const QString ipKey = QStringLiteral("login-ip:") + remote;
    if (auto wait = throttled(loginKey, kMaxLoginFailures, kLoginWindowMs))
        return *wait;
    if (auto wait = throttled(ipKey, 4 * kMaxLoginFailures, kLoginWindowMs))
        return *wait;
    QString account;
    try {
        const QString token =
            enrollDevice(login.toString(), password.toString(), deviceId.toString(),
                         body.value(QStringLiteral("label")).toString(), &account);
        const auto role =
            m_db.query(QStringLiteral("SELECT role, name FROM account WHERE id = ?"), {account});
        return ServiceReply{200, QJsonObject{{"token", token},
                                             {"accountId", account},
                                             {"role", role[0][0].toString()},
                                             {"name", role[0][1].toString()},
                                             {"epoch", epoch()}}};
    } catch (const StoreError &e) {
        const bool badPassword = e.message().contains(QLatin1String("login"));
        if (badPassword) {
            noteFailure(loginKey);
            noteFailure(ipKey);
        }
        return error(badPassword ? 401 : 400, QStringLiteral("enrol_failed"), e.message());
    }
}

ServiceReply AgencyService::hello(const Caller &caller, const QJsonObject &body)
{
    const QString deviceEpoch = body.value(QStringLiteral("epoch")).toString();
    const qint64 cursor = qint64(body.value(QStringLiteral("cursor")).toDouble());
    const QString serverEpoch = epoch();
    const qint64 lastSeq =
        m_db.scalar(QStringLiteral("SELECT last_seq FROM device WHERE id = ?"), {caller.deviceId})
            .toLongLong();
    const bool newEpoch = !deviceEpoch.isEmpty() && deviceEpoch != serverEpoch;
    QJsonObject reply{{"epoch", serverEpoch},
                      {"serverTime", nowIso(m_wall)},
                      {"action", newEpoch            ? "resend"
                                 : cursor > maxSeq() ? "refresh"
                                                     : "ok"},
                      {"lastDeviceSeq", double(lastSeq)},
                      {"maxSeq", double(maxSeq())},
                      {"role", caller.role},
                      {"accountId", caller.accountId},
                      {"protocol", ProtocolLimits::kProtocolVersion}};
    if (!caller.isSupervisor())
        reply.insert(QStringLiteral("caseload"),
                     QJsonArray::fromStringList(caseload(caller.accountId)));
    return ServiceReply{200, reply};
}

ServiceReply AgencyService::push(const Caller &caller, const QJsonObject &body)
{
    const QJsonValue changesValue = body.value(QStringLiteral("changes"));
    if (!changesValue.isArray())
        return error(400, QStringLiteral("bad_request"),
                     QStringLiteral("changes must be an array"));
    const QJsonArray changes = changesValue.toArray();
    if (changes.size() > ProtocolLimits::kMaxChangesPerPush)
        return error(
            413, QStringLiteral("batch_too_large"),
            QStringLiteral("At most %1 changes per push").arg(ProtocolLimits::kMaxChangesPerPush));
    const bool newerApp =
        body.value(QStringLiteral("schemaVersion")).toInt() > Schema::instance().version();
    QVector<PushChange> decoded;
    decoded.reserve(changes.size());
    for (const QJsonValue &c : changes) {
        PushChange pc;
        const QString err = Protocol::decodeChange(c, caller.deviceId, newerApp, pc);
        if (!err.isEmpty())
            return error(400, QStringLiteral("invalid_change"), err);
        if (!decoded.isEmpty() && pc.deviceSeq <= decoded.last().deviceSeq)
            return error(400, QStringLiteral("invalid_change"),
                         QStringLiteral("deviceSeq must increase within a push"));
        decoded.append(pc);
    }

    QJsonArray results;
    qint64 appliedThrough = 0;
    try {
        ServerTransaction tx(m_db, ServerTransaction::Write);
        const qint64 lastSeq =
            m_db.scalar(QStringLiteral("SELECT last_seq FROM device WHERE id = ?"),
                        {caller.deviceId})
                .toLongLong();
        appliedThrough = lastSeq;
        WriteState state{maxSeq(), HybridLogicalClock(m_wall)};
        state.clock.observe(
            Hlc{quint64(m_db.scalar(QStringLiteral("SELECT value FROM counter WHERE name = 'hlc'"))
                            .toLongLong())});
        const qint64 now = m_wall();
        for (const PushChange &pc : decoded) {
            if (pc.deviceSeq <= lastSeq) {
                results.append(
                    QJsonObject{{"deviceSeq", double(pc.deviceSeq)}, {"status", "duplicate"}});
                continue;
            }
            if (pc.deviceSeq != appliedThrough + 1)
                throw Refusal{error(409, QStringLiteral("sequence_gap"),
                                    QStringLiteral("Expected change %1 next; resend from there")
                                        .arg(appliedThrough + 1))};
            const EntityDef &def = *Schema::instance().entity(pc.edit.entity);
            QString clientId;
            const std::optional<Record> current = loadRecord(def, pc.edit.id, &clientId);
            if (!current) {
                clientId = clientIdOf(def, pc.edit.id, pc.edit.values);
                if (!def.clientField.isEmpty() && !RecordValidator::isUuid(clientId))
                    throw Refusal{error(400, QStringLiteral("invalid_change"),
                                        QStringLiteral("change %1: a new %2 needs its client")
                                            .arg(pc.deviceSeq)
                                            .arg(def.label))};
                QJsonObject known; // fields from a newer app are kept, not checked here
                for (auto it = pc.edit.values.begin(); it != pc.edit.values.end(); ++it)
                    if (def.field(it.key()))
                        known.insert(it.key(), it.value());
                const QString missing = RecordValidator::checkEdit(def, {}, known, true);
                if (!missing.isEmpty() && !pc.edit.values.contains(QStringLiteral("voided")))
                    throw Refusal{
                        error(400, QStringLiteral("invalid_change"),
                              QStringLiteral("change %1: %2").arg(pc.deviceSeq).arg(missing))};
            } else if (!def.clientField.isEmpty() && def.clientField != QLatin1String("id") &&
                       pc.edit.values.contains(def.clientField) &&
                       pc.edit.values.value(def.clientField).toString() != clientId) {
                throw Refusal{
                    error(400, QStringLiteral("invalid_change"),
                          QStringLiteral("change %1: a record cannot move to another client")
                              .arg(pc.deviceSeq))};
            }
            // Access: every change is checked, not only every pull.
            bool allowed;
            if (def.name == QLatin1String("coordinator") || def.name == QLatin1String("device")) {
                allowed = false;
            } else if (def.clientField.isEmpty() || (current && clientId.isEmpty())) {
                // The shared resource directory, and conflicts about it.
                allowed = true;
            } else if (def.name == QLatin1String("client") &&
                       pc.edit.values.contains(QStringLiteral("coordinatorId")) &&
                       !caller.isSupervisor()) {
                // A coordinator may only put a new client on their own caseload.
                allowed =
                    !current && pc.edit.values.value(QStringLiteral("coordinatorId")).toString() ==
                                    caller.accountId;
            } else {
                allowed = mayWrite(caller, clientId, pc.edit.stamp.hlc);
            }
            if (!allowed)
                throw Refusal{error(403, QStringLiteral("forbidden"),
                                    QStringLiteral("change %1: this account may not change this "
                                                   "record")
                                        .arg(pc.deviceSeq))};
            MergeContext ctx;
            ctx.nowMillis = now;
            ctx.maxSkewMillis = m_maxSkewMillis;
            ctx.sealed = current ? isSealed(def, *current)
                                 : isSealed(def, Record{def.name, pc.edit.id, pc.edit.values, {}});
            const MergeResult merged = mergeEdit(def, current, pc.edit, ctx);
            if (merged.status != EditStatus::Held)
                state.clock.observe(pc.edit.stamp.hlc);
            // A record whose edit was kept aside is written again (a new seq) even when it did
            // not change: its author then pulls the server's value back over its own.
            if (merged.changed || (current && !merged.conflicts.isEmpty()))
                writeRecord(state, def, merged.record, clientId);
            for (const ConflictDraft &d : merged.conflicts)
                recordConflict(state, def, merged.record, clientId, d);
            QJsonObject result{{"deviceSeq", double(pc.deviceSeq)},
                               {"status", editStatusName(merged.status)}};
            if (!merged.conflicts.isEmpty())
                result.insert(QStringLiteral("conflicts"), int(merged.conflicts.size()));
            results.append(result);
            appliedThrough = pc.deviceSeq;
        }
        m_db.exec(QStringLiteral("UPDATE device SET last_seq = ? WHERE id = ?"),
                  {appliedThrough, caller.deviceId});
        m_db.exec(QStringLiteral("UPDATE counter SET value = ? WHERE name = 'seq'"), {state.seq});
        m_db.exec(QStringLiteral("UPDATE counter SET value = ? WHERE name = 'hlc'"),
                  {qint64(state.clock.last().packed)});
        tx.commit();
    } catch (const Refusal &refusal) {
        return refusal.reply;
    }
    return ServiceReply{
        200, QJsonObject{{"appliedThrough", double(appliedThrough)}, {"results", results}}};
}

ServiceReply AgencyService::pull(const Caller &caller, const QUrlQuery &query)
{
    bool ok = false;
    const qint64 cursor = query.queryItemValue(QStringLiteral("cursor")).toLongLong(&ok);
    if (!ok || cursor < 0)
        return error(400, QStringLiteral("bad_request"),
                     QStringLiteral("cursor must be a non-negative integer"));
    int limit = ProtocolLimits::kDefaultPullLimit;
    if (query.hasQueryItem(QStringLiteral("limit"))) {
        limit = query.queryItemValue(QStringLiteral("limit")).toInt(&ok);
        if (!ok || limit < 1 || limit > ProtocolLimits::kMaxPullLimit)
            return error(400, QStringLiteral("bad_request"),
                         QStringLiteral("limit must be between 1 and %1")
                             .arg(ProtocolLimits::kMaxPullLimit));
    }
    const QString client = query.queryItemValue(QStringLiteral("client"));
    ServerTransaction tx(m_db, ServerTransaction::Read);
    const qint64 top = maxSeq();
    if (cursor > top)
        return error(409, QStringLiteral("stale_cursor"),
                     QStringLiteral("The cursor is ahead of the server (restored from a backup?): "
                                    "pull again from 0"));
    QString sql = QStringLiteral("SELECT entity, id, seq, vals, stamps FROM record WHERE seq > ? ");
    QVariantList params{cursor};
    if (!client.isEmpty()) {
        if (!RecordValidator::isUuid(client))
            return error(400, QStringLiteral("bad_request"),
                         QStringLiteral("client must be an id"));
        if (!caller.isSupervisor() && !caseload(caller.accountId).contains(client))
            return error(403, QStringLiteral("forbidden"),
                         QStringLiteral("This client is not on this account's caseload"));
        sql += QStringLiteral("AND client_id = ? ");
        params.append(client);
    } else if (!caller.isSupervisor()) {
        sql += QStringLiteral("AND (client_id IN (SELECT client_id FROM caseload WHERE "
                              "coordinator_id = ? AND current = 1) OR (client_id IS NULL AND "
                              "entity <> 'device')) ");
        params.append(caller.accountId);
    }
    sql += QStringLiteral("ORDER BY seq LIMIT ?");
    params.append(limit);
    // The page is spliced from the stored JSON text (values and stamps are written by this
    // server, compact): decoding and encoding again cost more than the query itself.
    qint64 next = cursor;
    const QVector<ServerDatabase::Row> rows = m_db.query(sql, params);
    QByteArray out;
    out.reserve(rows.size() * 600 + 64);
    out.append(QByteArrayLiteral("{\"records\":["));
    for (const auto &row : rows) {
        next = row[2].toLongLong();
        if (out.back() != '[')
            out.append(',');
        out.append(QByteArrayLiteral("{\"entity\":"));
        appendJsonString(out, row[0].toString());
        out.append(QByteArrayLiteral(",\"id\":"));
        appendJsonString(out, row[1].toString());
        out.append(QByteArrayLiteral(",\"seq\":"))
            .append(QByteArray::number(next))
            .append(QByteArrayLiteral(",\"values\":"))
            .append(storedObject(row[3]))
            .append(QByteArrayLiteral(",\"stamps\":"))
            .append(storedObject(row[4]))
            .append('}');
    }
    const bool hasMore = rows.size() == limit;
    if (!hasMore && client.isEmpty())
        next = qMax(next, top);
    out.append(QByteArrayLiteral("],\"nextCursor\":"))
        .append(QByteArray::number(next))
        .append(QByteArrayLiteral(",\"hasMore\":"))
        .append(hasMore ? QByteArrayLiteral("true") : QByteArrayLiteral("false"))
        .append('}');
    return ServiceReply{200, {}, out};
}

ServiceReply AgencyService::conflicts(const Caller &caller)
{
    QString sql = QStringLiteral("SELECT entity, id, seq, vals, stamps FROM record WHERE entity = "
                                 "'conflict' ");
    QVariantList params;
    if (!caller.isSupervisor()) {
        sql += QStringLiteral("AND (client_id IN (SELECT client_id FROM caseload WHERE "
                              "coordinator_id = ? AND current = 1) OR client_id IS NULL) ");
        params.append(caller.accountId);
    }
    sql += QStringLiteral("ORDER BY seq");
    QJsonArray open;
    for (const auto &row : m_db.query(sql, params)) {
        const QJsonObject vals = fromJsonText(row[3]);
        if (vals.value(QStringLiteral("status")).toString() == QLatin1String("open") &&
            !vals.value(QStringLiteral("voided")).toBool())
            open.append(QJsonObject{{"entity", row[0].toString()},
                                    {"id", row[1].toString()},
                                    {"seq", row[2].toDouble()},
                                    {"values", vals},
                                    {"stamps", fromJsonText(row[4])}});
    }
    return ServiceReply{200, QJsonObject{{"conflicts", open}}};
}

QString PasswordHash::hash(const QString &password, int iterations)
{
    const QByteArray salt = randomBytes(16);
    const QByteArray pw = password.toUtf8();
    QByteArray out(32, Qt::Uninitialized);
    PKCS5_PBKDF2_HMAC(pw.constData(), int(pw.size()),
                      reinterpret_cast<const unsigned char *>(salt.constData()), int(salt.size()),
                      iterations, EVP_sha256(), int(out.size()),
                      reinterpret_cast<unsigned char *>(out.data()));
    return QStringLiteral("pbkdf2-sha256$%1$%2$%3")
        .arg(iterations)
        .arg(QString::fromLatin1(salt.toBase64()), QString::fromLatin1(out.toBase64()));
}

bool PasswordHash::verify(const QString &password, const QString &stored)
{
    const QStringList parts = stored.split(QLatin1Char('$'));
    if (parts.size() != 4 || parts[0] != QLatin1String("pbkdf2-sha256"))
        return false;
    const int iterations = parts[1].toInt();
    const QByteArray salt = QByteArray::fromBase64(parts[2].toLatin1());
    const QByteArray expected = QByteArray::fromBase64(parts[3].toLatin1());
    if (iterations < 1 || expected.size() != 32)
        return false;
    const QByteArray pw = password.toUtf8();
    QByteArray out(32, Qt::Uninitialized);
    PKCS5_PBKDF2_HMAC(pw.constData(), int(pw.size()),
                      reinterpret_cast<const unsigned char *>(salt.constData()), int(salt.size()),
                      iterations, EVP_sha256(), int(out.size()),
                      reinterpret_cast<unsigned char *>(out.data()));
    return CRYPTO_memcmp(out.constData(), expected.constData(), 32) == 0;
}

} // namespace careround
