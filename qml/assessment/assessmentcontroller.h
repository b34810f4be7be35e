#pragma once

#include "instruments.h"
#include "keyedlistmodel.h"
#include "screencontroller.h"

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QtQml/qqmlregistration.h>

namespace careround {

/**
 * Backs the assessment screen: one assessment of a client across the domains of DESIGN.md
 * section 1, with structured questions, free notes per domain and the standard instruments
 * (Katz ADL, Lawton IADL, PHQ-2, PHQ-9) scored live by Instruments::score. Every answer is
 * saved at once (one LocalEditor call); notes are saved when typing pauses or the field loses
 * focus. The completion check names what is missing before the status may become complete.
 */
class AssessmentController : public ScreenController {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString clientId READ clientId WRITE setClientId NOTIFY clientIdChanged)
    Q_PROPERTY(
        QString assessmentId READ assessmentId WRITE setAssessmentId NOTIFY assessmentIdChanged)
    Q_PROPERTY(bool found READ found NOTIFY changed)
    Q_PROPERTY(QString clientName READ clientName NOTIFY changed)
    Q_PROPERTY(QString title READ title NOTIFY changed)
    Q_PROPERTY(QString status READ status NOTIFY changed)
    Q_PROPERTY(QString statusText READ statusText NOTIFY changed)
    Q_PROPERTY(bool sealed READ sealed NOTIFY changed)
    Q_PROPERTY(bool readOnly READ readOnly NOTIFY changed)
    Q_PROPERTY(QString readOnlyText READ readOnlyText NOTIFY changed)
    Q_PROPERTY(int domainsDone READ domainsDone NOTIFY changed)
    Q_PROPERTY(int domainCount READ domainCount CONSTANT)
    Q_PROPERTY(QString progressText READ progressText NOTIFY changed)
    Q_PROPERTY(QStringList missing READ missing NOTIFY changed)
    Q_PROPERTY(bool checkShown READ checkShown NOTIFY changed)
    Q_PROPERTY(bool selfHarmAlert READ selfHarmAlert NOTIFY changed)
    Q_PROPERTY(QString alertText READ alertText NOTIFY changed)
    Q_PROPERTY(QString strengths READ strengths NOTIFY changed)
    Q_PROPERTY(careround::KeyedListModel *domains READ domains CONSTANT)
    Q_PROPERTY(careround::KeyedListModel *instruments READ instruments CONSTANT)
    Q_PROPERTY(
        QString currentDomain READ currentDomain WRITE setCurrentDomain NOTIFY currentDomainChanged)
    Q_PROPERTY(QString currentTitle READ currentTitle NOTIFY currentDomainChanged)
    Q_PROPERTY(QString currentNotesField READ currentNotesField NOTIFY currentDomainChanged)
    Q_PROPERTY(QString currentNotes READ currentNotes NOTIFY changed)
    Q_PROPERTY(careround::KeyedListModel *questions READ questions NOTIFY currentDomainChanged)

public:
    explicit AssessmentController(QObject *parent = nullptr);
    ~AssessmentController() override;

    QString clientId() const { return m_clientId; }
    void setClientId(const QString &id);
    QString assessmentId() const { return m_id; }
    void setAssessmentId(const QString &id);

    bool found() const { return m_found; }
    QString clientName() const { return m_clientName; }
    /** "Initial assessment · started 22 Nov 2026". */
    QString title() const { return m_title; }
    QString status() const { return m_status; }
    QString statusText() const;
    bool sealed() const { return m_sealed; }
    /** Signed, or complete (reopen to edit). */
    bool readOnly() const { return m_sealed || m_status == QLatin1String("complete"); }
    QString readOnlyText() const { return m_readOnlyText; }
    int domainsDone() const { return m_domainsDone; }
    int domainCount() const;
    QString progressText() const;
    /** What keeps the assessment from being complete, one sentence per gap. */
    QStringList missing() const { return m_missing; }
    /** True after a completion attempt found gaps (the page then lists them). */
    bool checkShown() const { return m_checkShown; }
    bool selfHarmAlert() const { return m_selfHarm; }
    QString alertText() const { return m_alert; }
    QString strengths() const;

    /** Rows: key, title, progressState ("empty", "partial", "done"), stateText, summary, current.
     */
    KeyedListModel *domains() const { return m_domains; }
    /**
     * Rows: instrumentId, name, domain, score, maxScore, answered, itemCount, scoreText,
     * bandLabel, complete, needed, positive, severe, selfHarmRisk, answers (a KeyedListModel of
     * its items: key, text, options, value, answered).
     */
    KeyedListModel *instruments() const { return m_instruments; }
    QString currentDomain() const { return m_current; }
    void setCurrentDomain(const QString &key);
    QString currentTitle() const;
    QString currentNotesField() const;
    QString currentNotes() const;
    /** The structured questions of the current domain: key, text, options, value, answered. */
    KeyedListModel *questions() const;

    /** Answers an item: group is an instrument id or a domain key; value the option index. */
    Q_INVOKABLE void answer(const QString &group, const QString &key, int value);
    /** Notes or strengths as typed; saved when typing pauses (see flush). */
    Q_INVOKABLE void editText(const QString &field, const QString &text);
    /** Saves text still waiting (when a field loses focus or the page closes). */
    Q_INVOKABLE void flush();
    /** Sets the status to complete, or shows what is missing. True when complete. */
    Q_INVOKABLE bool complete();
    /** Moves a complete (unsigned) assessment back to in progress. */
    Q_INVOKABLE void reopen();
    /** Starts a new assessment of the client; it becomes this controller's assessment. */
    Q_INVOKABLE QString startNew(const QString &kind);
    Q_INVOKABLE void nextDomain();

signals:
    void clientIdChanged();
    void assessmentIdChanged();
    void changed();
    void currentDomainChanged();

protected:
    void load() override;

private:
    void markStarted();
    QString text(const char *field) const;

    QString m_clientId, m_id;
    bool m_found = false, m_sealed = false, m_checkShown = false, m_selfHarm = false;
    QString m_clientName, m_title, m_status, m_readOnlyText, m_alert, m_error, m_current;
    QJsonObject m_values;
    QHash<QString, QHash<QString, int>> m_answers;    ///< group -> item -> value
    QHash<QString, QHash<QString, QString>> m_ids;    ///< group -> item -> answer record id
    QString m_previousStartedAt;                      ///< of the assessment before this one
    QHash<QString, InstrumentScore> m_previousScores; ///< its scores, by instrument id
    QHash<QString, QString> m_pending;                ///< field -> text not saved yet
    int m_domainsDone = 0;
    QStringList m_missing;
    KeyedListModel *m_domains;
    KeyedListModel *m_instruments;
    QHash<QString, KeyedListModel *> m_questions; ///< domain key -> its questions
    QHash<QString, KeyedListModel *> m_items;     ///< instrument id -> its items
    QTimer m_saveTimer;
};

} // namespace careround
