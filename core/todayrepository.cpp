#include "todayrepository.h"

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
    "AND ifnull(a.voided,0)=0 AND ifnull(c.voided,0)=0 "
    "ORDER BY at, 2";

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
        // Follow-ups (followUp_status_due) and missing transport (appointment_status_start)
        // use the caseload's indexes (schema version 3). IF NOT EXISTS: before version 4 the
        // repository made these itself when it was opened.
    };
}

TodayRepository::TodayRepository(SqliteDatabase &db) : m_db(db) {}

QVector<TodayItem> TodayRepository::schedule(const QDate &day)
{
    SqliteStatement &st = m_db.prepare(QString::fromLatin1(kScheduleSql));
    st.bindAll({dayStartUtc(day), dayStartUtc(day.addDays(1))});
    QVector<TodayItem> items;
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
        items.append(i);
    }
    st.reset();
    return items;
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

QVector<TodayItem> TodayRepository::alerts(const QDate &day, int transportDays)
{
    QVector<TodayItem> phq;
    {
        // Every PHQ-9 answer (covering index), grouped by assessment; a client's latest PHQ-9
        // is the one that counts: an older severe score that has since improved is no alert.
        struct Answers {
            QString clientId, startedAt;
            QHash<QString, int> values;
        };
        QHash<QString, Answers> byAssessment;
        SqliteStatement &st = m_db.prepare(QStringLiteral(
            "SELECT x.assessmentId, x.item, x.value, a.clientId, ifnull(a.startedAt,'') "
            "FROM assessmentAnswer x CROSS JOIN assessment a ON a.id = x.assessmentId "
            "WHERE x.instrument = 'phq9' AND ifnull(x.voided,0)=0 AND ifnull(a.voided,0)=0 "
            "AND x.value IS NOT NULL"));
        st.bindAll({});
        while (st.step()) {
            Answers &a = byAssessment[st.text(0)];
            if (a.clientId.isEmpty()) {
                a.clientId = st.text(3);
                a.startedAt = st.text(4);
            }
            a.values.insert(st.text(1), int(st.int64(2)));
        }
        st.reset();
        QHash<QString, QString> latest; // client -> assessment
        for (auto it = byAssessment.cbegin(); it != byAssessment.cend(); ++it) {
            QString &current = latest[it->clientId];
            if (current.isEmpty())
                current = it.key();
            else if (const Answers &c = byAssessment[current];
                     std::make_pair(it->startedAt, it.key()) > std::make_pair(c.startedAt, current))
                current = it.key();
        }
        const Instrument &phq9 = *Instruments::find(QStringLiteral("phq9"));
        SqliteStatement &client = m_db.prepare(
            QStringLiteral("SELECT firstName, lastName, ifnull(address,''), ifnull(city,'') FROM "
                           "client WHERE id = ?1 AND ifnull(voided,0)=0 AND status != "
                           "'discharged'"));
        for (auto it = latest.cbegin(); it != latest.cend(); ++it) {
            const Answers &a = byAssessment[it.value()];
            const InstrumentScore s = Instruments::score(phq9, a.values);
            if (!s.severe && !s.selfHarmRisk)
                continue;
            client.bindAll({it.key()});
            if (client.step()) {
                TodayItem i;
                i.kind = s.selfHarmRisk ? TodayItem::Kind::SelfHarmRisk
                                        : TodayItem::Kind::SevereDepression;
                i.recordId = it.value();
                i.clientId = it.key();
                i.clientName = fullName(client.text(0), client.text(1));
                i.place = joinPlace(client.text(2), client.text(3));
                i.when = a.startedAt;
                i.title = phq9.name;
                i.score = s.score;
                i.detail = s.complete ? s.bandLabel : QString();
                i.status = s.complete ? QStringLiteral("complete") : QStringLiteral("partial");
                phq.append(i);
            }
            client.reset();
        }
        // Self-harm first, then the highest scores, then by name.
        std::sort(phq.begin(), phq.end(), [](const TodayItem &x, const TodayItem &y) {
            if (x.kind != y.kind)
                return x.kind == TodayItem::Kind::SelfHarmRisk;
            if (x.score != y.score)
                return x.score > y.score;
            return std::make_pair(x.clientName, x.clientId) <
                   std::make_pair(y.clientName, y.clientId);
        });
    }

    SqliteStatement &st = m_db.prepare(QStringLiteral(
        "SELECT a.id, a.clientId, a.startsAt, a.title, ifnull(a.withWhom,''), "
        "ifnull(a.location,''), c.firstName, c.lastName FROM appointment a CROSS JOIN client c "
        "ON c.id = a.clientId WHERE a.status = 'scheduled' AND a.startsAt >= ?1 AND a.startsAt < "
        "?2 AND ifnull(a.transportArranged,0)=0 AND ifnull(a.voided,0)=0 AND "
        "ifnull(c.voided,0)=0 ORDER BY a.startsAt, a.id"));
    st.bindAll({dayStartUtc(day), dayStartUtc(day.addDays(qMax(1, transportDays + 1)))});
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
        phq.append(i);
    }
    st.reset();
    return phq;
}

} // namespace careround
