#include "assessmentcontroller.h"

#include "assessmentdomains.h"
#include "devicestore.h"
#include "instruments.h"
#include "localeditor.h"
#include "recordinput.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QLocale>

namespace careround {

namespace {

QString nowText()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
}

QStringList instrumentOptions(const Instrument &instrument)
{
    if (instrument.id.startsWith(QLatin1String("phq")))
        return {AssessmentController::tr("Not at all"), AssessmentController::tr("Several days"),
                AssessmentController::tr("More than half the days"),
                AssessmentController::tr("Nearly every day")};
    return {AssessmentController::tr("No"), AssessmentController::tr("Yes")};
}

QString instrumentName(const Instrument &instrument)
{
    if (instrument.id == QLatin1String("katz"))
        return AssessmentController::tr("Katz ADL");
    if (instrument.id == QLatin1String("lawton"))
        return AssessmentController::tr("Lawton IADL");
    if (instrument.id == QLatin1String("phq2"))
        return AssessmentController::tr("PHQ-2");
    return AssessmentController::tr("PHQ-9");
}

const QStringList kItemRoles{"key", "text", "options", "value", "answered"};

} // namespace

AssessmentController::AssessmentController(QObject *parent)
    : ScreenController({"assessment", "assessmentAnswer", "client", "signature"}, parent),
      m_domains(new KeyedListModel(
          {"key", "title", "progressState", "stateText", "summary", "current"}, this)),
      m_instruments(
          new KeyedListModel({"instrumentId", "name", "domain", "score", "maxScore", "answered",
                              "itemCount", "scoreText", "bandLabel", "complete", "needed",
                              "positive", "severe", "selfHarmRisk", "answers", "previousText"},
                             this))
{
    for (const AssessmentDomain &d : AssessmentDomains::all()) {
        auto *model = new KeyedListModel(kItemRoles, this);
        QVector<QVariantMap> rows;
        for (const DomainQuestion &q : d.questions) {
            QStringList options;
            for (const char *o : q.options)
                options.append(AssessmentDomains::tr(o));
            rows.append({{"key", QString::fromLatin1(q.key)},
                         {"text", AssessmentDomains::tr(q.text)},
                         {"options", options},
                         {"value", -1},
                         {"answered", false}});
        }
        model->setRows(rows);
        m_questions.insert(QString::fromLatin1(d.key), model);
    }
    for (const Instrument &instrument : Instruments::all()) {
        auto *model = new KeyedListModel(kItemRoles, this);
        QVector<QVariantMap> rows;
        for (const InstrumentItem &item : instrument.items)
            rows.append({{"key", item.key},
                         {"text", Instruments::text(item.text)},
                         {"options", instrumentOptions(instrument)},
                         {"value", -1},
                         {"answered", false}});
        model->setRows(rows);
        m_items.insert(instrument.id, model);
    }
    m_current = QString::fromLatin1(AssessmentDomains::all().constFirst().key);
    m_saveTimer.setSingleShot(true);
    m_saveTimer.setInterval(800);
    connect(&m_saveTimer, &QTimer::timeout, this, &AssessmentController::flush);
    reload();
}

AssessmentController::~AssessmentController()
{
    if (!m_pending.isEmpty() && session() && session()->editor() && !m_id.isEmpty()) {
        try {
            QJsonObject changes;
            for (auto it = m_pending.cbegin(); it != m_pending.cend(); ++it)
                changes.insert(it.key(), it.value());
            session()->editor()->update(QStringLiteral("assessment"), m_id, changes);
        } catch (const StoreError &) {
            // The page is gone: nowhere left to show the error.
        }
    }
}

void AssessmentController::setClientId(const QString &id)
{
    if (m_clientId == id)
        return;
    m_clientId = id;
    watchClient(id);
    emit clientIdChanged();
    reload();
}

void AssessmentController::setAssessmentId(const QString &id)
{
    if (m_id == id)
        return;
    flush();
    m_id = id;
    m_checkShown = false;
    clearError();
    emit assessmentIdChanged();
    reload();
}

QString AssessmentController::statusText() const
{
    return RecordInput::label(m_status);
}

int AssessmentController::domainCount() const
{
    return int(AssessmentDomains::all().size());
}

QString AssessmentController::progressText() const
{
    return tr("%1 of %2 domains done").arg(m_domainsDone).arg(domainCount());
}

QString AssessmentController::text(const char *field) const
{
    const QString name = QString::fromLatin1(field);
    return m_pending.contains(name) ? m_pending.value(name) : m_values.value(name).toString();
}

QString AssessmentController::strengths() const
{
    return text("strengths");
}

void AssessmentController::setCurrentDomain(const QString &key)
{
    if (m_current == key || !AssessmentDomains::find(key))
        return;
    flush();
    m_current = key;
    emit currentDomainChanged();
    reload();
}

QString AssessmentController::currentTitle() const
{
    return AssessmentDomains::tr(AssessmentDomains::find(m_current)->title);
}

QString AssessmentController::currentNotesField() const
{
    return QString::fromLatin1(AssessmentDomains::find(m_current)->notesField);
}

QString AssessmentController::currentNotes() const
{
    return text(AssessmentDomains::find(m_current)->notesField);
}

KeyedListModel *AssessmentController::questions() const
{
    return m_questions.value(m_current);
}

void AssessmentController::nextDomain()
{
    const auto &all = AssessmentDomains::all();
    for (int i = 0; i + 1 < all.size(); ++i)
        if (m_current == QLatin1String(all[i].key)) {
            setCurrentDomain(QString::fromLatin1(all[i + 1].key));
            return;
        }
}

void AssessmentController::markStarted()
{
    if (m_status == QLatin1String("draft"))
        session()->editor()->update(QStringLiteral("assessment"), m_id,
                                    {{"status", QStringLiteral("in_progress")}});
}

void AssessmentController::answer(const QString &group, const QString &key, int value)
{
    if (!m_found)
        return;
    if (readOnly()) {
        setError(m_readOnlyText);
        return;
    }
    QString instrument = group, item = key;
    if (const AssessmentDomain *domain = AssessmentDomains::find(group)) {
        instrument = QStringLiteral("domain");
        const DomainQuestion *question = nullptr;
        for (const DomainQuestion &q : domain->questions)
            if (key == QLatin1String(q.key))
                question = &q;
        if (!question || value < 0 || value >= question->options.size()) {
            setError(tr("There is no such answer to this question"));
            return;
        }
        item = AssessmentDomains::itemKey(*domain, *question);
    } else if (const QString problem = Instruments::checkAnswer(group, key, value);
               !problem.isEmpty()) {
        setError(problem);
        return;
    }
    const QString existing = m_ids.value(group).value(key);
    edit([&](LocalEditor &editor) {
        if (existing.isEmpty())
            editor.create(QStringLiteral("assessmentAnswer"),
                          {{"assessmentId", m_id},
                           {"clientId", m_values.value(QLatin1String("clientId"))},
                           {"instrument", instrument},
                           {"item", item},
                           {"value", value}});
        else
            editor.update(QStringLiteral("assessmentAnswer"), existing, {{"value", value}});
        markStarted();
    });
}

void AssessmentController::editText(const QString &field, const QString &text)
{
    if (!m_found || text == this->text(field.toLatin1().constData()))
        return;
    m_pending.insert(field, text);
    m_saveTimer.start();
}

void AssessmentController::flush()
{
    m_saveTimer.stop();
    if (m_pending.isEmpty() || !m_found)
        return;
    QJsonObject changes;
    for (auto it = m_pending.cbegin(); it != m_pending.cend(); ++it)
        changes.insert(it.key(), it.value());
    const bool ok = edit([&](LocalEditor &editor) {
        editor.update(QStringLiteral("assessment"), m_id, changes);
        markStarted();
    });
    // On failure the text stays on screen (and in m_pending) so nothing typed is lost.
    if (ok) {
        m_pending.clear();
    }
}

bool AssessmentController::complete()
{
    flush();
    if (!m_found)
        return false;
    reload();
    if (!m_missing.isEmpty()) {
        m_checkShown = true;
        emit changed();
        return false;
    }
    const bool ok = edit([&](LocalEditor &editor) {
        editor.update(QStringLiteral("assessment"), m_id,
                      {{"status", QStringLiteral("complete")}, {"completedAt", nowText()}});
    });
    if (ok) {
        m_checkShown = false;
        emit changed();
    }
    return ok;
}

void AssessmentController::reopen()
{
    if (!m_found)
        return;
    edit([&](LocalEditor &editor) {
        editor.update(
            QStringLiteral("assessment"), m_id,
            {{"status", QStringLiteral("in_progress")}, {"completedAt", QJsonValue::Null}});
    });
}

QString AssessmentController::startNew(const QString &kind)
{
    if (m_clientId.isEmpty())
        return {};
    flush();
    QJsonObject values{{"clientId", m_clientId},
                       {"kind", kind},
                       {"status", QStringLiteral("draft")},
                       {"startedAt", nowText()}};
    // A reassessment starts from what the last one noted in each domain (one write: a process
    // killed here leaves no assessment or the whole new one); its instruments start empty.
    DeviceStore *store = ScreenController::store();
    if (store && kind != QLatin1String("initial"))
        if (const std::optional<Record> before = store->assessments().previous(m_clientId)) {
            QStringList carried{QStringLiteral("strengths")};
            for (const AssessmentDomain &d : AssessmentDomains::all())
                carried.append(QString::fromLatin1(d.notesField));
            for (const QString &field : carried)
                if (!before->values.value(field).toString().isEmpty())
                    values.insert(field, before->values.value(field));
        }
    QString id;
    const bool ok = edit(
        [&](LocalEditor &editor) { id = editor.create(QStringLiteral("assessment"), values); });
    if (!ok)
        return {};
    m_current = QString::fromLatin1(AssessmentDomains::all().constFirst().key);
    emit currentDomainChanged();
    setAssessmentId(id);
    return id;
}

void AssessmentController::load()
{
    DeviceStore *store = ScreenController::store();
    const AssessmentView view =
        store ? store->assessments().view(m_id, m_clientId) : AssessmentView{};
    m_found = view.found;
    m_values = view.values;
    m_status = view.status;
    m_sealed = view.sealed;
    m_answers = view.answers;
    m_ids = view.answerIds;
    m_clientName = view.clientName;
    m_previousStartedAt = view.previousStartedAt;
    m_previousScores = view.previousScores;
    m_readOnlyText.clear();
    m_title.clear();
    if (m_found) {
        const QString kindText = view.kind == QLatin1String("initial") ? tr("Initial assessment")
                                 : view.kind == QLatin1String("reassessment")
                                     ? tr("Reassessment")
                                     : tr("Annual assessment");
        m_title = tr("%1 · started %2").arg(kindText, RecordInput::dateText(view.startedAt));
        if (m_sealed)
            m_readOnlyText = tr("Signed by %1 on %2. A signed assessment cannot be edited; "
                                "propose an amendment from the sign-off screen.")
                                 .arg(view.signerName, RecordInput::dateText(view.signedAt));
        else if (m_status == QLatin1String("complete"))
            m_readOnlyText = tr("Complete on %1. Reopen it to make changes.")
                                 .arg(RecordInput::dateText(view.completedAt));
    }

    // Instruments: live scores, and which are required.
    m_missing.clear();
    QHash<QString, InstrumentScore> scores;
    QHash<QString, QStringList> instrumentGaps; // domain -> sentences
    QVector<QVariantMap> instrumentRows;
    for (const AssessmentInstrumentEntry &entry : view.instruments) {
        const Instrument &instrument = *entry.instrument;
        const InstrumentScore &s = entry.score;
        const bool required = entry.needed;
        scores.insert(instrument.id, s);
        QVector<QVariantMap> items = m_items[instrument.id]->rows();
        for (QVariantMap &row : items) {
            const QString key = row.value("key").toString();
            const bool answered = m_answers.value(instrument.id).contains(key);
            row.insert("value", answered ? m_answers[instrument.id][key] : -1);
            row.insert("answered", answered);
        }
        m_items[instrument.id]->setRows(items);
        const QString name = instrumentName(instrument);
        QString scoreText = s.complete ? tr("%1 of %2").arg(s.score).arg(instrument.maxScore())
                                       : tr("%1 of %2 so far (%3 of %4 answered)")
                                             .arg(s.score)
                                             .arg(instrument.maxScore())
                                             .arg(s.answered)
                                             .arg(instrument.items.size());
        QString previousText;
        if (!m_previousStartedAt.isEmpty() && m_previousScores.contains(instrument.id)) {
            const InstrumentScore &before = m_previousScores[instrument.id];
            const QString when = RecordInput::dateText(m_previousStartedAt);
            if (before.complete)
                previousText = tr("Last assessment (%1): %2 of %3, %4")
                                   .arg(when)
                                   .arg(before.score)
                                   .arg(instrument.maxScore())
                                   .arg(Instruments::text(before.bandLabel));
            else if (before.answered > 0)
                previousText = tr("Last assessment (%1): not finished (%2 of %3 answered)")
                                   .arg(when)
                                   .arg(before.answered)
                                   .arg(instrument.items.size());
        }
        instrumentRows.append(
            {{"instrumentId", instrument.id},
             {"previousText", previousText},
             {"name", name},
             {"domain", instrument.domain},
             {"score", s.score},
             {"maxScore", instrument.maxScore()},
             {"answered", s.answered},
             {"itemCount", int(instrument.items.size())},
             {"scoreText", scoreText},
             {"bandLabel", s.complete ? Instruments::text(s.bandLabel) : QString()},
             {"complete", s.complete},
             {"needed", required},
             {"positive", s.positive},
             {"severe", s.severe},
             {"selfHarmRisk", s.selfHarmRisk},
             {"answers", QVariant::fromValue<QObject *>(m_items[instrument.id])}});
        if (required && !s.complete) {
            QStringList texts;
            for (const QString &key : s.missing)
                texts.append(Instruments::text(instrument.item(key)->text));
            const QString why = instrument.id == QLatin1String("phq9") && s.answered == 0
                                    ? tr(" (needed: the PHQ-2 screen is positive)")
                                    : QString();
            instrumentGaps[instrument.domain].append(
                tr("%1%2: unanswered items (%n): %3", nullptr, int(s.missing.size()))
                    .arg(name, why, texts.join(QStringLiteral("; "))));
        }
    }
    m_instruments->setRows(instrumentRows);

    // Domains: what is recorded, what is missing, progress.
    m_domainsDone = 0;
    QVector<QVariantMap> domainRows;
    for (const AssessmentDomain &d : AssessmentDomains::all()) {
        const QString key = QString::fromLatin1(d.key);
        const QString title = AssessmentDomains::tr(d.title);
        QVector<QVariantMap> rows = m_questions[key]->rows();
        QStringList unanswered;
        int answered = 0;
        for (QVariantMap &row : rows) {
            const QString q = row.value("key").toString();
            const bool has = m_answers.value(key).contains(q);
            row.insert("value", has ? m_answers[key][q] : -1);
            row.insert("answered", has);
            if (has)
                ++answered;
            else
                unanswered.append(row.value("text").toString());
        }
        m_questions[key]->setRows(rows);
        bool anyInstrumentAnswer = false;
        for (const QString &i : d.instruments)
            anyInstrumentAnswer = anyInstrumentAnswer || scores[i].answered > 0;
        const bool hasNotes = !text(d.notesField).trimmed().isEmpty();
        const bool empty = answered == 0 && !hasNotes && !anyInstrumentAnswer;
        const QStringList gaps = instrumentGaps.value(key);
        const bool done = !empty && unanswered.isEmpty() && gaps.isEmpty();
        QString state = empty  ? QStringLiteral("empty")
                        : done ? QStringLiteral("done")
                               : QStringLiteral("partial");
        if (done)
            ++m_domainsDone;
        if (empty)
            m_missing.append(tr("%1: nothing recorded yet").arg(title));
        else if (!unanswered.isEmpty())
            m_missing.append(
                tr("%1: unanswered questions (%n): %2", nullptr, int(unanswered.size()))
                    .arg(title, unanswered.join(QStringLiteral("; "))));
        m_missing.append(gaps);
        QStringList summary;
        summary.append(tr("%1 of %2 questions").arg(answered).arg(d.questions.size()));
        for (const QString &i : d.instruments) {
            const Instrument *instrument = Instruments::find(i);
            if (scores[i].answered > 0)
                summary.append(tr("%1 %2/%3")
                                   .arg(instrumentName(*instrument))
                                   .arg(scores[i].score)
                                   .arg(instrument->maxScore()));
        }
        if (hasNotes)
            summary.append(tr("notes"));
        domainRows.append({{"key", key},
                           {"title", title},
                           {"progressState", state},
                           {"stateText", empty  ? tr("Not started")
                                         : done ? tr("Done")
                                                : tr("In progress")},
                           {"summary", summary.join(QStringLiteral(" · "))},
                           {"current", key == m_current}});
    }
    m_domains->setRows(domainRows);

    const InstrumentScore &phq9 = scores[QStringLiteral("phq9")];
    m_selfHarm = m_found && phq9.selfHarmRisk;
    m_alert.clear();
    if (m_selfHarm)
        m_alert = tr("PHQ-9: the client reports thoughts of being better off dead or of hurting "
                     "themselves. Ask about safety today and follow the agency's safety protocol.");
    else if (m_found && phq9.severe)
        m_alert = tr("PHQ-9 in the severe band: arrange a clinical review promptly.");
    emit changed();
}

} // namespace careround
