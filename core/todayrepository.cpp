#include "todayrepository.h"

#include "carerules.h"
#include "instruments.h"

#include <QDateTime>
#include <QHash>
#include <QTimeZone>

#include <algorithm>

namespace careround {

namespace {

/** The UTC ISO text of local midnight starting a day: times are stored in UTC. */
QString dayStartUtc(const QDate &day)
{
    return QDateTime(day, QTime(0, 0), QTimeZone::systemTimeZone()).toUTC().toString(Qt::ISODate);
}

QString joinPlace(const QString &address, const QString &city)
{
    if (address.isEmpty())
        return city;
    return city.isEmpty() ? address : address + QStringLiteral(", ") + city;
}

QString fullName(const QString &first, const QString &last)
{
    return first + QLatin1Char(' ') + last;
}

// Columns shared by the schedule's visits and appointments (see readScheduleRow).
const char *kScheduleSql =
    "SELECT 0, v.id, v.clientId, ifnull(v.checkInAt, v.plannedAt) AS at, ifnull(v.purpose,''), "
    "v.status, ifnull(v.checkOutAt,''), '', c.firstName, c.lastName, ifnull(c.address,''), "
    "ifnull(c.city,'') "
    "FROM (SELECT id FROM visit WHERE plannedAt >= ?1 AND plannedAt < ?2 "
    "      UNION SELECT id FROM visit WHERE checkInAt >= ?1 AND checkInAt < ?2 "
    "      UNION SELECT id FROM visit WHERE status = 'in_progress') AS day "
    "CROSS JOIN visit v ON v.id = day.id CROSS JOIN client c ON c.id = v.clientId "
    "WHERE v.status != 'cancelled' AND ifnull(v.voided,0)=0 AND ifnull(c.voided,0)=0 "
    "UNION ALL "
    "SELECT 1, a.id, a.clientId, a.startsAt AS at, a.title, a.status, ifnull(a.withWhom,''), "
    "ifnull(a.location,''), c.firstName, c.lastName, ifnull(c.address,''), ifnull(c.city,'') "
    "FROM appointment a CROSS JOIN client c ON c.id = a.clientId "
    "WHERE a.startsAt >= ?1 AND a.startsAt < ?2 AND a.status != 'cancelled' "
    "AND ifnull(a.voided,0)=0 AND ifnull(c.voided,0)=0";

// Appointments soon with no transport arranged; keyset after (startsAt, id).
const char *kTransportWhere =
    "FROM appointment a CROSS JOIN client c ON c.id = a.clientId WHERE a.status = 'scheduled' "
    "AND a.startsAt >= ?1 AND a.startsAt < ?2 AND ifnull(a.transportArranged,0)=0 AND "
    "ifnull(a.voided,0)=0 AND ifnull(c.voided,0)=0";

// Signed consents to share information that ran out, unless a newer consent with the same
// recipient replaced them (CareRules::consentState decides; this reads the candidates);
// keyset after (validUntil, id), a negative limit for all.
const char *kConsentSql =
    "SELECT k.id, k.clientId, ifnull(k.validFrom,''), k.validUntil, k.recipient, c.firstName, "
    "c.lastName, ifnull(c.address,''), ifnull(c.city,'') FROM consent k CROSS JOIN client c ON "
    "c.id = k.clientId WHERE k.status = 'active' AND k.validUntil < ?1 AND ifnull(k.voided,0)=0 "
    "AND ifnull(c.voided,0)=0 AND c.status != 'discharged' AND EXISTS (SELECT 1 FROM signature "
    "s WHERE s.recordId = k.id) AND NOT EXISTS (SELECT 1 FROM consent n WHERE n.clientId = "
    "k.clientId AND n.recipient = k.recipient AND n.id > k.id AND ifnull(n.voided,0)=0) AND "
    "(?2 IS NULL OR k.validUntil > ?2 OR (k.validUntil = ?2 AND k.id > ?3)) "
    "ORDER BY k.validUntil, k.id LIMIT ?4";

/** Self-harm first, then the highest scores, then by name: the order of the PHQ-9 alerts. */
bool phq9Before(const TodayItem &x, const TodayItem &y)
{
    if (x.kind != y.kind)
        return x.kind == TodayItem::Kind::SelfHarmRisk;
    if (x.score != y.score)
        return x.score > y.score;
    return std::make_pair(x.clientName, x.clientId) < std::make_pair(y.clientName, y.clientId);
}

/** The keyset of a page: after this time (or date) and id, or from the start (NULL). */
QVariantList keyset(const TodayItem *after)
{
    return after ? QVariantList{after->when, after->recordId}
                 : QVariantList{QVariant(), QVariant()};
}

} // namespace

QStringList TodayRepository::indexSql()
{
    return {
        // The day's visits: planned, checked in, or still in progress.
        "CREATE INDEX IF NOT EXISTS visit_plannedAt ON visit(plannedAt)",
        "CREATE INDEX IF NOT EXISTS visit_checkInAt ON visit(checkInAt)",
        "CREATE INDEX IF NOT EXISTS visit_status ON visit(status)",
        // The day's appointments whatever their status (the caseload's index starts with it).
        "CREATE INDEX IF NOT EXISTS appointment_startsAt ON appointment(startsAt)",
        // PHQ-9 answers, covering: the alerts read them without touching the table.
        "CREATE INDEX IF NOT EXISTS assessmentAnswer_instrument ON assessmentAnswer(instrument, "
        "assessmentId, item, value, voided)",
        // Is a PHQ-9 its client's latest? Answered from this index alone.
        "CREATE INDEX IF NOT EXISTS assessment_client_started ON assessment(clientId, startedAt, "
        "id, voided)",
        // Follow-ups (followUp_status_due) and missing transport (appointment_status_start)
        // use the caseload's indexes (schema version 3). IF NOT EXISTS: before version 4 the
        // repository made these itself when it was opened.
    };
}

TodayRepository::TodayRepository(SqliteDatabase &db) : m_db(db) {}

TodayPage TodayRepository::schedule(const QDate &day, int limit, const TodayItem *after)
{
    const QVariantList range{dayStartUtc(day), dayStartUtc(day.addDays(1))};
    TodayPage page;
    SqliteStatement &st = m_db.prepare(
        QStringLiteral("SELECT * FROM (%1) WHERE ?3 IS NULL OR at > ?3 OR (at = ?3 AND id > ?4) "
                       "ORDER BY at, id LIMIT ?5")
            .arg(QLatin1String(kScheduleSql)));
    st.bindAll(range + keyset(after) + QVariantList{qMax(1, limit)});
    while (st.step()) {
        TodayItem i;
        const bool visit = st.int64(0) == 0;
        i.kind = visit ? TodayItem::Kind::Visit : TodayItem::Kind::Appointment;
        i.recordId = st.text(1);
        i.clientId = st.text(2);
        i.when = st.text(3);
        i.title = st.text(4);
        i.status = st.text(5);
        i.detail = st.text(6);
        i.clientName = fullName(st.text(8), st.text(9));
        const QString home = joinPlace(st.text(10), st.text(11));
        i.place = visit || st.text(7).isEmpty() ? home : st.text(7);
        page.rows.append(i);
    }
    st.reset();
    if (!after)
        page.total =
            m_db.scalar(
                    QStringLiteral("SELECT count(*) FROM (%1)").arg(QLatin1String(kScheduleSql)),
                    range)
                .toLongLong();
    return page;
}

QVector<TodayItem> TodayRepository::followUps(const QDate &day, int limit,
                                              const QString &afterDueOn, const QString &afterId)
{
    QVariantList params{day.toString(Qt::ISODate), qMax(1, limit)};
    QString after;
    if (!afterId.isEmpty()) {
        after = QStringLiteral(" AND f.dueOn >= ?3 AND (f.dueOn > ?3 OR f.id > ?4)");
        params << afterDueOn << afterId;
    }
    SqliteStatement &st = m_db.prepare(
        QStringLiteral(
            "SELECT f.id, f.clientId, f.dueOn, f.description, ifnull(f.priority,'normal'), "
            "c.firstName, c.lastName, ifnull(c.address,''), ifnull(c.city,'') "
            "FROM followUp f CROSS JOIN client c ON c.id = f.clientId "
            "WHERE f.status = 'open' AND f.dueOn <= ?1 AND ifnull(f.voided,0)=0 "
            "AND ifnull(c.voided,0)=0%1 ORDER BY f.dueOn, f.id LIMIT ?2")
            .arg(after));
    st.bindAll(params);
    const QString today = day.toString(Qt::ISODate);
    QVector<TodayItem> items;
    while (st.step()) {
        TodayItem i;
        i.recordId = st.text(0);
        i.clientId = st.text(1);
        i.when = st.text(2);
        i.kind =
            i.when < today ? TodayItem::Kind::OverdueFollowUp : TodayItem::Kind::FollowUpDueToday;
        i.title = st.text(3);
        i.status = QStringLiteral("open");
        i.detail = st.text(4);
        i.clientName = fullName(st.text(5), st.text(6));
        i.place = joinPlace(st.text(7), st.text(8));
        items.append(i);
    }
    st.reset();
    return items;
}

std::pair<qint64, qint64> TodayRepository::followUpCounts(const QDate &day)
{
    const QString today = day.toString(Qt::ISODate);
    SqliteStatement &st = m_db.prepare(QStringLiteral(
        "SELECT sum(f.dueOn < ?1), sum(f.dueOn = ?1) FROM followUp f CROSS JOIN client c ON "
        "c.id = f.clientId WHERE f.status = 'open' AND f.dueOn <= ?1 AND ifnull(f.voided,0)=0 "
        "AND ifnull(c.voided,0)=0"));
    st.bindAll({today});
    std::pair<qint64, qint64> counts{0, 0};
    if (st.step())
        counts = {st.int64(0), st.int64(1)};
    st.reset();
    return counts;
}

TodayPage TodayRepository::alerts(const QDate &day, int limit, const TodayItem *after,
                                  int transportDays)
{
    using K = TodayItem::Kind;
    // The parts in their order: PHQ-9, transport, consents. A page goes on in the part of the
    // row it starts after, and from the start of each later one.
    const auto partOf = [](K kind) {
        return kind == K::TransportMissing ? 1 : kind == K::ConsentExpired ? 2 : 0;
    };
    const int from = after ? partOf(after->kind) : 0;
    limit = qMax(1, limit);
    TodayPage page;
    if (from == 0) {
        const QVector<TodayItem> phq9 = phq9Alerts();
        auto it = after ? std::upper_bound(phq9.cbegin(), phq9.cend(), *after, phq9Before)
                        : phq9.cbegin();
        for (; it != phq9.cend() && page.rows.size() < limit; ++it)
            page.rows.append(*it);
        page.total = after ? 0 : phq9.size();
    }
    if (page.rows.size() < limit && from <= 1)
        page.rows += transportAlerts(day, transportDays, limit - int(page.rows.size()),
                                     from == 1 ? after : nullptr);
    if (page.rows.size() < limit)
        page.rows += consentAlerts(day, limit - int(page.rows.size()), from == 2 ? after : nullptr);
    if (!after)
        page.total += transportAlertCount(day, transportDays) + consentAlertCount(day);
    return page;
}

QVector<TodayItem> TodayRepository::phq9Alerts()
{
    // Every PHQ-9 answer from the covering index, in assessment order: each assessment is
    // scored as soon as its answers end, and only those that alarm are kept. Memory follows
    // the alerts, not the caseload; a row costs no copy of its id, and an item key is the
    // instrument's own string.
    const Instrument &phq9 = *Instruments::find(QStringLiteral("phq9"));
    QVector<QByteArray> itemKeys;
    for (const InstrumentItem &item : phq9.items)
        itemKeys.append(item.key.toUtf8());
    struct Alarm {
        QString assessmentId;
        InstrumentScore score;
    };
    QVector<Alarm> alarms;
    QByteArray current;
    QHash<QString, int> values;
    const auto scoreCurrent = [&] {
        if (current.isEmpty())
            return;
        InstrumentScore s = Instruments::score(phq9, values);
        if (s.severe || s.selfHarmRisk)
            alarms.append({QString::fromUtf8(current), std::move(s)});
        values.clear();
    };
    SqliteStatement &st = m_db.prepare(QStringLiteral(
        "SELECT assessmentId, item, value FROM assessmentAnswer INDEXED BY "
        "assessmentAnswer_instrument WHERE instrument = 'phq9' AND ifnull(voided,0)=0 AND "
        "value IS NOT NULL ORDER BY assessmentId"));
    st.bindAll({});
    while (st.step()) {
        if (st.utf8(0) != current) {
            scoreCurrent();
            current = st.utf8(0).toByteArray();
        }
        const QByteArrayView item = st.utf8(1);
        const auto known = std::find(itemKeys.cbegin(), itemKeys.cend(), item);
        values.insert(known != itemKeys.cend() ? phq9.items.at(known - itemKeys.cbegin()).key
                                               : QString::fromUtf8(item),
                      int(st.int64(2)));
    }
    st.reset();
    scoreCurrent();

    // A client's latest PHQ-9 is the one that counts: an older severe score that has since
    // improved is no alert.
    SqliteStatement &latest = m_db.prepare(QStringLiteral(
        "SELECT a.clientId, ifnull(a.startedAt,''), c.firstName, c.lastName, "
        "ifnull(c.address,''), ifnull(c.city,'') FROM assessment a CROSS JOIN client c ON "
        "c.id = a.clientId WHERE a.id = ?1 AND ifnull(a.voided,0)=0 AND ifnull(c.voided,0)=0 "
        "AND c.status != 'discharged' AND NOT EXISTS (SELECT 1 FROM assessment b WHERE "
        "b.clientId = a.clientId AND ifnull(b.voided,0)=0 AND (ifnull(b.startedAt,'') > "
        "ifnull(a.startedAt,'') OR (ifnull(b.startedAt,'') = ifnull(a.startedAt,'') AND b.id "
        "> a.id)) AND EXISTS (SELECT 1 FROM assessmentAnswer y WHERE y.instrument = 'phq9' "
        "AND y.assessmentId = b.id AND ifnull(y.voided,0)=0 AND y.value IS NOT NULL))"));
    QVector<TodayItem> items;
    for (const Alarm &alarm : alarms) {
        latest.bindAll({alarm.assessmentId});
        if (latest.step()) {
            const InstrumentScore &s = alarm.score;
            TodayItem i;
            i.kind =
                s.selfHarmRisk ? TodayItem::Kind::SelfHarmRisk : TodayItem::Kind::SevereDepression;
            i.recordId = alarm.assessmentId;
            i.clientId = latest.text(0);
            i.clientName = fullName(latest.text(2), latest.text(3));
            i.place = joinPlace(latest.text(4), latest.text(5));
            i.when = latest.text(1);
            i.title = phq9.name;
            i.score = s.score;
            i.detail = s.complete ? s.bandLabel : QString();
            i.status = s.complete ? QStringLiteral("complete") : QStringLiteral("partial");
            items.append(i);
        }
        latest.reset();
    }
    std::sort(items.begin(), items.end(), phq9Before);
    return items;
}

QVector<TodayItem> TodayRepository::transportAlerts(const QDate &day, int transportDays, int limit,
                                                    const TodayItem *after)
{
    SqliteStatement &st = m_db.prepare(
        QStringLiteral("SELECT a.id, a.clientId, a.startsAt, a.title, ifnull(a.withWhom,''), "
                       "ifnull(a.location,''), c.firstName, c.lastName %1 AND (?3 IS NULL OR "
                       "a.startsAt > ?3 OR (a.startsAt = ?3 AND a.id > ?4)) "
                       "ORDER BY a.startsAt, a.id LIMIT ?5")
            .arg(QLatin1String(kTransportWhere)));
    st.bindAll(
        QVariantList{dayStartUtc(day), dayStartUtc(day.addDays(qMax(1, transportDays + 1)))} +
        keyset(after) + QVariantList{limit});
    QVector<TodayItem> items;
    while (st.step()) {
        TodayItem i;
        i.kind = TodayItem::Kind::TransportMissing;
        i.recordId = st.text(0);
        i.clientId = st.text(1);
        i.when = st.text(2);
        i.title = st.text(3);
        i.detail = st.text(4);
        i.place = st.text(5);
        i.status = QStringLiteral("scheduled");
        i.clientName = fullName(st.text(6), st.text(7));
        items.append(i);
    }
    st.reset();
    return items;
}

qint64 TodayRepository::transportAlertCount(const QDate &day, int transportDays)
{
    return m_db
        .scalar(QStringLiteral("SELECT count(*) %1").arg(QLatin1String(kTransportWhere)),
                {dayStartUtc(day), dayStartUtc(day.addDays(qMax(1, transportDays + 1)))})
        .toLongLong();
}

QVector<TodayItem> TodayRepository::consentAlerts(const QDate &day, int limit,
                                                  const TodayItem *after)
{
    QVector<TodayItem> items;
    QVariantList from = keyset(after);
    SqliteStatement &st = m_db.prepare(QString::fromLatin1(kConsentSql));
    // The SQL reads the candidates a batch at a time; CareRules::consentState keeps those
    // that ran out, until the page is full or no candidate is left.
    for (int asked = limit; asked > 0; asked = limit - int(items.size())) {
        st.bindAll(QVariantList{day.toString(Qt::ISODate)} + from + QVariantList{asked});
        int read = 0;
        while (st.step()) {
            ++read;
            from = {st.text(3), st.text(0)};
            if (CareRules::consentState(QStringLiteral("active"), true, st.text(2), st.text(3),
                                        day) != CareRules::ConsentState::Expired)
                continue;
            TodayItem i;
            i.kind = TodayItem::Kind::ConsentExpired;
            i.recordId = st.text(0);
            i.clientId = st.text(1);
            i.when = st.text(3);
            i.title = st.text(4);
            i.status = QStringLiteral("active");
            i.clientName = fullName(st.text(5), st.text(6));
            i.place = joinPlace(st.text(7), st.text(8));
            items.append(i);
        }
        st.reset();
        if (read < asked)
            break;
    }
    return items;
}

qint64 TodayRepository::consentAlertCount(const QDate &day)
{
    SqliteStatement &st = m_db.prepare(QString::fromLatin1(kConsentSql));
    st.bindAll({day.toString(Qt::ISODate), QVariant(), QVariant(), -1});
    qint64 count = 0;
    while (st.step())
        count += CareRules::consentState(QStringLiteral("active"), true, st.text(2), st.text(3),
                                         day) == CareRules::ConsentState::Expired;
    st.reset();
    return count;
}

} // namespace careround
