#pragma once

#include "recordsource.h"

#include <QJsonObject>
#include <QVector>

#include <functional>

namespace careround {

/**
 * CareRound records as FHIR R4 resources (the mapping table is docs/fhir.md). Pure: it reads
 * the records it is given through a RecordSource and hands each resource to a sink, so the
 * server can stream an agency client by client. Resource ids are the record ids (UUIDs), or
 * the record id with a fixed suffix for the resources one record makes (a referral's Task,
 * an assessment's QuestionnaireResponse per instrument), so they are the same in every
 * export and references between resources name them.
 */
class FhirMapper {
public:
    /** Receives each resource made. */
    using Sink = std::function<void(const QJsonObject &resource)>;

    /** The base of CareRound's own canonical URLs (Questionnaires, code systems). */
    static QString baseUrl();
    /** The agency's Organization (id "agency"). */
    static QJsonObject agency(const QString &name);
    /** The Questionnaires of the instruments (and of the domains), with LOINC panel codes. */
    static QVector<QJsonObject> questionnaires();
    /** A coordinator: Practitioner and PractitionerRole (at the agency). */
    static void coordinator(const Record &coordinator, const Sink &sink);
    /** A provider of the directory: Organization and a HealthcareService per service type. */
    static void provider(const Record &provider, const Sink &sink);
    /**
     * One client and every record of theirs in the source: Patient, RelatedPerson, the
     * assessments (QuestionnaireResponse, Observation), plans (CarePlan, Goal, Task),
     * referrals (ServiceRequest, Task), appointments, visits (Encounter), notes and the
     * contact log (Communication), follow-ups, benefits and complaints (Task, Communication),
     * consents to share (Consent), risk flags (Flag) and signatures (Provenance). keep() says
     * whether a record is exported (all, or those changed since a time); voided records are not.
     * Returns the ids of the coordinators and providers the resources refer to.
     */
    struct Referenced {
        QStringList coordinators;
        QStringList providers;
    };
    static Referenced client(RecordSource &source, const QString &clientId, const Sink &sink,
                             const std::function<bool(const Record &)> &keep = {});
};

} // namespace careround
