#pragma once

#include "keyedlistmodel.h"
#include "session.h"

#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QtQml/qqmlregistration.h>

namespace careround {

struct Record;

/**
 * Backs the visit screen: one visit of a client (or a new one, created at check-in). Check in
 * and check out stamp the times and move the status; notes are append-only (a correction is a
 * new note naming the one it corrects); follow-ups linked to the visit; complaints raised during
 * it with the steps taken; a satisfaction check; progress and status of the goals of the
 * client's current plan. Every change is one LocalEditor call; a refused change leaves the
 * store as it was and says why in errorText.
 */
class VisitController : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(careround::Session *session READ session WRITE setSession NOTIFY sessionChanged)
    Q_PROPERTY(QString clientId READ clientId WRITE setClientId NOTIFY clientIdChanged)
    Q_PROPERTY(QString visitId READ visitId WRITE setVisitId NOTIFY visitIdChanged)
    Q_PROPERTY(bool clientFound READ clientFound NOTIFY changed)
    Q_PROPERTY(bool hasVisit READ hasVisit NOTIFY changed)
    Q_PROPERTY(QString clientName READ clientName NOTIFY changed)
    Q_PROPERTY(QString clientPlace READ clientPlace NOTIFY changed)
    Q_PROPERTY(QString status READ status NOTIFY changed)
    Q_PROPERTY(QString statusText READ statusText NOTIFY changed)
    Q_PROPERTY(QString timesText READ timesText NOTIFY changed)
    Q_PROPERTY(QString purpose READ purpose NOTIFY changed)
    Q_PROPERTY(QString summary READ summary NOTIFY changed)
    Q_PROPERTY(bool canCheckIn READ canCheckIn NOTIFY changed)
    Q_PROPERTY(bool canCheckOut READ canCheckOut NOTIFY changed)
    Q_PROPERTY(bool sealed READ sealed NOTIFY changed)
    Q_PROPERTY(QString planTitle READ planTitle NOTIFY changed)
    Q_PROPERTY(QString errorText READ errorText NOTIFY errorTextChanged)
    Q_PROPERTY(QString defaultDueDate READ defaultDueDate NOTIFY changed)
    Q_PROPERTY(careround::KeyedListModel *notes READ notes CONSTANT)
    Q_PROPERTY(careround::KeyedListModel *followUps READ followUps CONSTANT)
    Q_PROPERTY(careround::KeyedListModel *complaints READ complaints CONSTANT)
    Q_PROPERTY(careround::KeyedListModel *satisfaction READ satisfaction CONSTANT)
    Q_PROPERTY(careround::KeyedListModel *goals READ goals CONSTANT)

public:
    explicit VisitController(QObject *parent = nullptr);

    Session *session() const { return m_session; }
    void setSession(Session *session);
    QString clientId() const { return m_clientId; }
    void setClientId(const QString &id);
    QString visitId() const { return m_visitId; }
    void setVisitId(const QString &id);

    bool clientFound() const { return !m_clientName.isEmpty(); }
    bool hasVisit() const { return m_hasVisit; }
    QString clientName() const { return m_clientName; }
    QString clientPlace() const { return m_clientPlace; }
    QString status() const { return m_status; }
    QString statusText() const;
    /** Planned, checked in and checked out times, for people. */
    QString timesText() const { return m_times; }
    QString purpose() const { return m_purpose; }
    QString summary() const { return m_summary; }
    bool canCheckIn() const;
    bool canCheckOut() const { return m_status == QLatin1String("in_progress") && !m_sealed; }
    bool sealed() const { return m_sealed; }
    QString planTitle() const { return m_planTitle; }
    QString errorText() const { return m_error; }
    QString defaultDueDate() const;

    /** Rows: recordId, text, whenText, corrected, correctionOf. In the order written. */
    KeyedListModel *notes() const { return m_notes; }
    /** Rows: recordId, description, dueText, dueOn, done, linked (to this visit), overdue. */
    KeyedListModel *followUps() const { return m_followUps; }
    /** Rows: recordId, subject, description, status, statusOptions (current first), resolution,
        raisedText, thisVisit, actions (list of maps: text, whenText). */
    KeyedListModel *complaints() const { return m_complaints; }
    /** Rows: recordId, score, comments, whenText. */
    KeyedListModel *satisfaction() const { return m_satisfaction; }
    /** Rows: recordId, statement, target, progress, status, statusOptions (current first). */
    KeyedListModel *goals() const { return m_goals; }

    /** Checks in: creates the visit when there is none yet. */
    Q_INVOKABLE bool checkIn();
    Q_INVOKABLE bool checkOut();
    Q_INVOKABLE bool setPurpose(const QString &text);
    Q_INVOKABLE bool setSummary(const QString &text);
    /** Appends a note; with correctsId, a correction of that note. */
    Q_INVOKABLE bool addNote(const QString &text, const QString &correctsId = {});
    /** dueOn: YYYY-MM-DD. */
    Q_INVOKABLE bool addFollowUp(const QString &description, const QString &dueOn);
    Q_INVOKABLE bool setFollowUpDone(const QString &followUpId, bool done);
    Q_INVOKABLE bool raiseComplaint(const QString &subject, const QString &description);
    Q_INVOKABLE bool setComplaintStatus(const QString &complaintId, const QString &status);
    Q_INVOKABLE bool setComplaintResolution(const QString &complaintId, const QString &text);
    Q_INVOKABLE bool addComplaintAction(const QString &complaintId, const QString &description);
    Q_INVOKABLE bool recordSatisfaction(int score, const QString &comments);
    Q_INVOKABLE bool setGoalProgress(const QString &goalId, int progress);
    Q_INVOKABLE bool setGoalStatus(const QString &goalId, const QString &status);
    /** The date (YYYY-MM-DD) a number of days after today. */
    Q_INVOKABLE QString dueDateIn(int days) const;
    Q_INVOKABLE void clearError();
    Q_INVOKABLE void reload();

signals:
    void sessionChanged();
    void clientIdChanged();
    void visitIdChanged();
    void changed();
    void errorTextChanged();

private:
    /** Runs one edit; on StoreError keeps the message and returns false. */
    template <typename Edit> bool edit(Edit &&edit);
    void setError(const QString &text);
    QString now() const;
    QString coordinatorId() const;

    QPointer<Session> m_session;
    QString m_clientId, m_visitId;
    bool m_hasVisit = false;
    bool m_sealed = false;
    QString m_clientName, m_clientPlace, m_status, m_times, m_purpose, m_summary, m_planTitle;
    QString m_error;
    KeyedListModel *m_notes, *m_followUps, *m_complaints, *m_satisfaction, *m_goals;
};

} // namespace careround
