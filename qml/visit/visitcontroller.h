#pragma once

#include "keyedlistmodel.h"
#include "screencontroller.h"
#include "visitrepository.h"

#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QtQml/qqmlregistration.h>

namespace careround {

/**
 * Backs the visit screen: one visit of a client (or a new one, created at check-in). Check in
 * and check out stamp the times and move the status; notes are append-only (a correction is a
 * new note naming the one it corrects); follow-ups linked to the visit; complaints raised during
 * it with the steps taken; a satisfaction check; progress and status of the goals of the
 * client's current plan. Reads through the store's VisitRepository; every change is one
 * LocalEditor call (a field: setField); a refused change leaves the store as it was and says
 * why in errorText.
 */
class VisitController : public ScreenController {
    Q_OBJECT
    QML_ELEMENT
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
    Q_PROPERTY(QString defaultDueDate READ defaultDueDate NOTIFY changed)
    Q_PROPERTY(careround::KeyedListModel *notes READ notes CONSTANT)
    Q_PROPERTY(careround::KeyedListModel *followUps READ followUps CONSTANT)
    Q_PROPERTY(careround::KeyedListModel *complaints READ complaints CONSTANT)
    Q_PROPERTY(careround::KeyedListModel *satisfaction READ satisfaction CONSTANT)
    Q_PROPERTY(careround::KeyedListModel *goals READ goals CONSTANT)

public:
    explicit VisitController(QObject *parent = nullptr);

    QString clientId() const { return m_clientId; }
    void setClientId(const QString &id);
    QString visitId() const { return m_visitId; }
    void setVisitId(const QString &id);

    bool clientFound() const { return m_view.clientFound; }
    bool hasVisit() const { return m_view.hasVisit; }
    QString clientName() const { return m_view.clientName; }
    QString clientPlace() const { return m_view.clientPlace; }
    QString status() const { return m_view.status; }
    QString statusText() const;
    /** Planned, checked in and checked out times, for people. */
    QString timesText() const { return m_times; }
    QString purpose() const { return m_view.purpose; }
    QString summary() const { return m_view.summary; }
    bool canCheckIn() const;
    bool canCheckOut() const
    {
        return m_view.status == QLatin1String("in_progress") && !m_view.sealed;
    }
    bool sealed() const { return m_view.sealed; }
    QString planTitle() const { return m_view.planTitle; }
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
    /** Saves one field of the visit, a follow-up, a complaint or a goal (as typed or chosen):
        purpose, summary, a complaint's status or resolution, a goal's progress or status. */
    Q_INVOKABLE bool setField(const QString &entity, const QString &id, const QString &field,
                              const QVariant &value);
    /** Appends a note; with correctsId, a correction of that note. */
    Q_INVOKABLE bool addNote(const QString &text, const QString &correctsId = {});
    /** dueOn: YYYY-MM-DD. */
    Q_INVOKABLE bool addFollowUp(const QString &description, const QString &dueOn);
    Q_INVOKABLE bool setFollowUpDone(const QString &followUpId, bool done);
    Q_INVOKABLE bool raiseComplaint(const QString &subject, const QString &description);
    Q_INVOKABLE bool addComplaintAction(const QString &complaintId, const QString &description);
    Q_INVOKABLE bool recordSatisfaction(int score, const QString &comments);
    /** The date (YYYY-MM-DD) a number of days after today. */
    Q_INVOKABLE QString dueDateIn(int days) const;

signals:
    void clientIdChanged();
    void visitIdChanged();
    void changed();

protected:
    void load() override;

private:
    QString now() const;
    QString coordinatorId() const;

    QString m_clientId, m_visitId;
    VisitView m_view;
    QString m_times;
    KeyedListModel *m_notes, *m_followUps, *m_complaints, *m_satisfaction, *m_goals;
};

} // namespace careround
