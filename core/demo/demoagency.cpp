#include "demoagency.h"

#include "assessmentdomains.h"
#include "contenthash.h"
#include "instruments.h"
#include "localeditor.h"
#include "schema.h"

#include <QDateTime>
#include <QJsonArray>
#include <QTimeZone>

#include <algorithm>

namespace careround {

int DemoAgency::Summary::total() const
{
    int n = 0;
    for (int c : created)
        n += c;
    return n;
}

namespace {

/** SplitMix64: tiny, fast and the same on every platform (std distributions are not). */
class Rng {
public:
    explicit Rng(quint64 seed) : m_state(seed) {}
    quint64 next()
    {
        quint64 z = (m_state += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }
    /** Uniform in [lo, hi]. */
    int range(int lo, int hi) { return lo + int(next() % quint64(hi - lo + 1)); }
    /** True with the given percentage. */
    bool chance(int percent) { return int(next() % 100) < percent; }
    template <typename T> const T &pick(const QVector<T> &items)
    {
        return items.at(int(next() % quint64(items.size())));
    }
    QString pick(const QStringList &items) { return items.at(int(next() % quint64(items.size()))); }

private:
    quint64 m_state;
};

const QStringList kFemaleNames = {
    "Dorothy",  "Margaret", "Ruth",    "Helen",     "Betty",     "Shirley",  "Frances", "Evelyn",
    "Gloria",   "Maria",    "Rosa",    "Guadalupe", "Carmen",    "Mei-Ling", "Lan",     "Thi Hoa",
    "Olga",     "Galina",   "Fatima",  "Aisha",     "Imelda",    "Corazon",  "Soon-Ja", "Agnes",
    "Lorraine", "Mildred",  "Bernice", "Yvonne",    "Josephine", "Esther",   "Hannah",  "Irene"};
const QStringList kMaleNames = {
    "Harold", "Walter", "Eugene", "Ernest",  "Raymond", "Frank",  "Clarence", "Albert",
    "Jose",   "Manuel", "Jesus",  "Roberto", "Wei",     "Minh",   "Van Long", "Boris",
    "Viktor", "Ahmed",  "Omar",   "Rodrigo", "Eduardo", "Jae-Ho", "Leonard",  "Chester",
    "Herman", "Lloyd",  "Samuel", "Isaac",   "Curtis",  "Otis",   "Floyd",    "Vernon"};
const QStringList kLastNames = {
    "Johnson",    "Williams", "Brown",     "Jones",    "Garcia",  "Miller",   "Davis",
    "Rodriguez",  "Martinez", "Hernandez", "Lopez",    "Wilson",  "Anderson", "Thomas",
    "Taylor",     "Moore",    "Jackson",   "Martin",   "Lee",     "Thompson", "White",
    "Harris",     "Clark",    "Lewis",     "Robinson", "Walker",  "Young",    "Allen",
    "Nguyen",     "Tran",     "Chen",      "Wong",     "Kim",     "Park",     "Ivanova",
    "Petrov",     "Hassan",   "Ali",       "Santos",   "Reyes",   "Cruz",     "Okafor",
    "Washington", "Brooks",   "Foster",    "Sullivan", "O'Brien", "Kowalski", "Schmidt",
    "Rossi",      "Cohen",    "Begay",     "Yazzie",   "Delgado", "Flores",   "Castillo"};
const QStringList kStreets = {"Maple",    "Oak",      "Cedar",   "Elm",       "Pine",
                              "Willow",   "Chestnut", "Lincoln", "Jefferson", "Washington",
                              "Franklin", "Park",     "Lake",    "Hillside",  "Riverside",
                              "Sunset",   "Highland", "Orchard", "Mill",      "Church",
                              "Spring",   "Grant",    "Madison", "Jackson",   "Division"};
const QStringList kStreetKinds = {"Street", "Avenue", "Road", "Lane", "Drive", "Court", "Way"};
const QStringList kUnits = {"", "", "", "Apt 2B", "Apt 14", "Unit 3", "Apt 207", "#5"};
struct City {
    const char *name;
    const char *postal;
    const char *area;
};
const QVector<City> kCities = {
    {"Riverton", "97201", "North county"},   {"Riverton", "97203", "North county"},
    {"Millbrook", "97225", "West county"},   {"Millbrook", "97229", "West county"},
    {"Eastgate", "97230", "East county"},    {"Cedar Falls", "97266", "South county"},
    {"Cedar Falls", "97267", "South county"}};
const QStringList kAreaCodes = {"503", "971", "360"};
const QStringList kLanguages = {"English", "English", "English", "English",    "English",
                                "English", "Spanish", "Spanish", "Vietnamese", "Cantonese",
                                "Russian", "Tagalog", "Korean",  "Arabic",     "ASL"};
const QStringList kRiskFlags = {
    "falls risk",      "memory concerns",    "oxygen in home",       "dog in home",
    "food insecurity", "missed medications", "recent hospital stay", "hearing impaired",
    "low vision",      "hoarding",           "wandering risk",       "unsafe stairs"};
const QStringList kRelationships = {"daughter", "son",    "spouse",   "niece",
                                    "neighbor", "friend", "grandson", "sister"};
const QStringList kNoteOpeners = {
    "Lives in a second-floor apartment with no elevator; uses a walker indoors.",
    "Widowed two years ago and has grown more isolated since the senior center closed.",
    "Manages well in the mornings but tires quickly by mid-afternoon.",
    "Recently discharged from hospital after a fall in the bathroom.",
    "Proud and independent; prefers to be asked before anyone helps.",
    "Long-time resident of the neighborhood; church friends check in on Sundays.",
    "Diabetic, insulin-dependent; blood sugar log kept on the fridge.",
    "Has early memory loss; keeps appointments on a large wall calendar."};
const QStringList kNoteMiddles = {
    " Daughter visits on weekends and handles groceries, but works full time.",
    " Neighbor has a spare key and will let visitors in if the client does not answer.",
    " Phone hearing is poor: call the landline and let it ring at least ten times.",
    " Prefers visits before noon; afternoon naps are important.",
    " Medicaid renewal is due this year; paperwork is kept in the kitchen drawer.",
    " Pharmacy delivers medications monthly; pill organizer filled by a home health aide.",
    " Small dog is friendly but barks; client asks that it be let into the yard first.",
    " Heating bills were a worry last winter; check on energy assistance early."};
const QStringList kNoteClosers = {" Speak slowly and face the client; written summaries help.",
                                  " Interpreter needed for anything about money or medication.",
                                  " Do not park in the neighbor's driveway.",
                                  " Enjoys talking about gardening; a good way to start the visit.",
                                  " Ask about the knee pain at every visit.",
                                  " Keep visits short when the client is tired."};

struct ProviderKind {
    const char *name;
    QStringList serviceTypes;
    const char *eligibility;
};
const QVector<ProviderKind> kProviderKinds = {
    {"Meals on Wheels", {"home-delivered meals"}, "60 and over, homebound"},
    {"Home Health", {"skilled nursing", "physical therapy"}, "physician order required"},
    {"Home Care Aides", {"personal care", "homemaker"}, "Medicaid waiver or private pay"},
    {"Senior Ride", {"transportation"}, "60 and over or disabled"},
    {"Adult Day Center", {"adult day services", "respite"}, "assessed need for supervision"},
    {"Legal Aid for Seniors", {"legal assistance"}, "60 and over, income limits"},
    {"Energy Assistance Office", {"utility assistance"}, "income under 60% of state median"},
    {"Community Mental Health", {"counseling", "case management"}, "open to all residents"},
    {"Medical Equipment Loan Closet", {"durable medical equipment"}, "any resident"},
    {"Housing Repair Program", {"home modification", "minor repairs"}, "homeowners, income limits"},
    {"Pharmacy Delivery", {"medication delivery", "blister packs"}, "prescription required"},
    {"Friendly Visitor Program", {"companionship"}, "isolated older adults"}};
const QStringList kProviderPrefixes = {"Riverton",   "Millbrook",     "Eastgate",    "Cedar Falls",
                                       "Tri-County", "Good Neighbor", "St. Vincent", "Sunrise"};
const QStringList kFunding = {"Medicaid",      "Medicare", "Older Americans Act", "private pay",
                              "sliding scale", "VA",       "county levy"};

struct GoalTemplate {
    const char *domain;
    const char *statement;
    const char *measure;
    const char *target;
    const char *serviceType;
    const char *step;
    const char *barrier;
    const char *alternative;
};
const QVector<GoalTemplate> kGoals = {
    {"daily_living", "Bathe safely at home with help twice a week", "assisted baths per week", "2",
     "personal care", "Arrange a home care aide for Tuesday and Friday mornings",
     "Aide agency has no openings on Tuesdays",
     "Ask the daughter to cover Tuesdays until a slot opens"},
    {"safety", "No falls at home over the next three months", "falls reported", "0",
     "home modification", "Install grab bars in the bathroom and a stair rail",
     "Landlord has not answered about the grab bars",
     "Use a tension-mounted rail that needs no drilling"},
    {"social", "Take part in a group activity at least twice a week",
     "activities attended per week", "2", "adult day services",
     "Visit the adult day center with the client for a trial day",
     "Client feels anxious about meeting new people",
     "Start with the friendly visitor program at home"},
    {"financial", "Lower monthly utility costs below $120", "monthly utility bill (USD)", "120",
     "utility assistance", "Submit the energy assistance application",
     "Missing last year's benefit letter", "Request a copy from Social Security online"},
    {"medication", "Take all medications as prescribed every day", "missed doses per week", "0",
     "medication delivery", "Set up blister packs with the pharmacy",
     "Client forgets to open the packs", "Add an automated reminder call at 8 am"},
    {"transportation", "Get to every medical appointment this quarter", "appointments missed", "0",
     "transportation", "Register the client with Senior Ride", "Ride must be booked 72 hours ahead",
     "Ask the son to drive for short-notice visits"},
    {"medical", "Keep blood sugar in the agreed range on most days", "days in range per week", "5",
     "skilled nursing", "Request a nurse visit to review the glucose meter",
     "Nurse visits end when the order expires", "Ask the doctor to renew the order early"},
    {"emotional", "Feel less down: PHQ-9 score under 10 at review", "PHQ-9 score", "below 10",
     "counseling", "Refer to community mental health for counseling", "Waiting list is six weeks",
     "Weekly check-in calls from the coordinator meanwhile"},
    {"housing", "Stay in the current home safely for the next year", "months at home", "12",
     "minor repairs", "Apply to the housing repair program",
     "Repair program budget is spent for this year", "Put the client on next year's list"}};

const QStringList kPrograms = {"Medicaid waiver",          "SNAP", "LIHEAP energy assistance",
                               "Medicare Savings Program", "SSI",  "Housing Choice Voucher",
                               "Property tax deferral"};
const QStringList kAppointmentTitles = {
    "Cardiology follow-up", "Primary care check-up", "Eye exam", "Dental cleaning",
    "Physical therapy",     "Lab work (fasting)",    "Podiatry", "Hearing aid fitting"};
const QStringList kClinics = {"Riverton Medical Group", "Millbrook Family Clinic",
                              "Eastgate Community Health", "Cedar Falls Hospital"};
const QStringList kVisitPurposes = {"Monthly check-in",   "Care plan review",
                                    "Initial assessment", "Follow up on referral",
                                    "Benefits paperwork", "Post-hospital check"};
const QStringList kFollowUps = {"Call the pharmacy about the refill schedule",
                                "Confirm the aide started on Tuesday",
                                "Check whether the LIHEAP letter arrived",
                                "Ask the daughter for the insurance card copy",
                                "Call the client after the cardiology appointment",
                                "Send the Medicaid renewal form",
                                "Check that grab bars were installed",
                                "Follow up with Senior Ride about the missed pick-up"};
const QStringList kComplaints = {"Aide arrived late three times", "Meals delivered cold",
                                 "Ride did not show up", "Billing error on equipment rental",
                                 "Nurse was rude on the phone"};
const QStringList kContactSummaries = {
    "Confirmed the visit time for next week.",
    "Asked about the delivery schedule; it starts Monday.",
    "Daughter reports she is eating better since the meals began.",
    "Left a message about the benefit renewal papers.",
    "Provider asked to move the start date by a week.",
    "Talked through the new medication schedule."};
const QStringList kSatisfactionComments = {
    "Very happy with the help I am getting.",
    "The aide is kind but often late.",
    "I would like more time on the phone with my coordinator.",
    "Everything is fine.",
    "The meals are better since last month.",
    ""};

QString dateText(const QDate &d)
{
    return d.toString(Qt::ISODate);
}

/** A local wall-clock time on a day, as the UTC ISO text the schema stores. */
QString dateTimeText(const QDate &d, int hour, int minute)
{
    // Time zone conversion is slow, and the benchmarks make millions of these: the offset of
    // each day (taken at noon) is cached.
    thread_local QHash<qint64, int> offsets;
    auto it = offsets.constFind(d.toJulianDay());
    if (it == offsets.cend())
        it =
            offsets.insert(d.toJulianDay(),
                           QDateTime(d, QTime(12, 0), QTimeZone::systemTimeZone()).offsetFromUtc());
    return QDateTime(d, QTime(hour, minute), Qt::UTC).addSecs(-*it).toString(Qt::ISODate);
}

class Generator {
public:
    Generator(const DemoAgency::Sink &sink, const DemoAgency::Options &options)
        : m_sink(sink), m_o(options),
          m_today(options.today.isValid() ? options.today : QDate::currentDate())
    {}

    DemoAgency::Summary run()
    {
        const int clients = qMax(0, m_o.clientCount);
        const int coordinators =
            m_o.coordinatorCount > 0 ? m_o.coordinatorCount : qMax(2, (clients + 39) / 40);
        const int providers =
            m_o.providerCount > 0 ? m_o.providerCount : qBound(18, clients / 20, 2000);
        Rng rng(m_o.seed);
        makeCoordinators(rng, coordinators);
        makeProviders(rng, providers);
        for (int i = 0; i < clients; ++i) {
            // Each client has its own stream, so client i is the same whatever the count.
            // (Seeds are scrambled: SplitMix streams of nearby seeds would overlap.)
            Rng clientRng(Rng(m_o.seed ^ (quint64(i + 1) * 0xd1b54a32d192ed03ULL)).next());
            makeClient(clientRng, i);
            m_pending.clear();
            if (m_o.onClientDone)
                m_o.onClientDone(i + 1);
        }
        return m_summary;
    }

private:
    struct Provider {
        QString id;
        QString name;
        QString serviceType;
        bool active;
    };

    QString make(const QString &entity, const QJsonObject &values)
    {
        QString id = m_sink(entity, values);
        ++m_summary.created[entity];
        if (!m_o.signer) {
            const EntityDef &def = *Schema::instance().entity(entity);
            if (def.signable || !def.sealedVia.isEmpty())
                m_pending.append(Record{def.name, id, values, {}});
        }
        return id;
    }

    // What LocalEditor::contentHash gives once the records are stored: the same function
    // over the values generated.
    QString contentHash(const QString &entity, const QString &id) const
    {
        const auto record = std::find_if(m_pending.cbegin(), m_pending.cend(),
                                         [&id](const Record &r) { return r.id == id; });
        Q_ASSERT(record != m_pending.cend());
        return careround::contentHash(*Schema::instance().entity(entity), *record, m_pending);
    }

    void sign(Rng &rng, const QString &clientId, const QString &entity, const QString &id,
              const QString &signer, bool representative, const QDate &day)
    {
        QJsonArray strokes;
        for (int s = 0, n = rng.range(2, 4); s < n; ++s) {
            QJsonArray points;
            int x = rng.range(10, 200), y = rng.range(30, 80);
            for (int p = 0; p < 8; ++p) {
                x += rng.range(4, 18);
                y = qBound(5, y + rng.range(-12, 12), 115);
                points.append(x);
                points.append(y);
            }
            strokes.append(points);
        }
        const QString relationship = representative ? "representative" : "client";
        if (m_o.signer) {
            m_o.signer->sign(entity, id, signer, relationship, strokes);
            ++m_summary.created[QStringLiteral("signature")];
            return;
        }
        make(QStringLiteral("signature"),
             {{"clientId", clientId},
              {"recordEntity", entity},
              {"recordId", id},
              {"signerName", signer},
              {"relationship", relationship},
              {"signedAt", dateTimeText(day, rng.range(9, 15), rng.range(0, 59))},
              {"strokes", strokes},
              {"contentHash", contentHash(entity, id)}});
    }

    QString phone(Rng &rng)
    {
        return QStringLiteral("(%1) 555-%2")
            .arg(rng.pick(kAreaCodes))
            .arg(rng.range(100, 9999), 4, 10, QLatin1Char('0'));
    }

    QString note(Rng &rng)
    {
        const int middle = rng.range(0, int(kNoteMiddles.size()) - 1);
        return rng.pick(kNoteOpeners) + kNoteMiddles.at(middle) +
               kNoteMiddles.at((middle + rng.range(1, 3)) % kNoteMiddles.size()) +
               rng.pick(kNoteClosers);
    }

    void makeCoordinators(Rng &rng, int count)
    {
        static const QStringList names = {"Alicia Moreno", "Daniel Okoye", "Priya Raman",
                                          "Tom Becker",    "Linh Pham",    "Grace Whitfield"};
        const auto one = [&](const QString &name, const QString &role) {
            const QString email = QString(name).toLower().replace(' ', '.') + "@careround.example";
            const QString id = make(QStringLiteral("coordinator"), {{"name", name},
                                                                    {"email", email},
                                                                    {"phone", phone(rng)},
                                                                    {"role", role},
                                                                    {"active", true}});
            if (role == QLatin1String("coordinator"))
                m_summary.coordinatorIds.append(id);
        };
        for (int i = 0; i < count; ++i)
            one(i < names.size()
                    ? names.at(i)
                    : QStringLiteral("%1 %2").arg(rng.pick(kFemaleNames), rng.pick(kLastNames)),
                QStringLiteral("coordinator"));
        if (m_o.withSupervisor)
            one(QStringLiteral("Renee Castillo"), QStringLiteral("supervisor"));
    }

    void makeProviders(Rng &rng, int count)
    {
        for (int i = 0; i < count; ++i) {
            const ProviderKind &kind = kProviderKinds.at(i % kProviderKinds.size());
            const City &city = kCities.at(rng.range(0, int(kCities.size()) - 1));
            QString name = QStringLiteral("%1 %2").arg(
                kProviderPrefixes.at((i / kProviderKinds.size()) % kProviderPrefixes.size()),
                QLatin1String(kind.name));
            if (i >= kProviderKinds.size() * kProviderPrefixes.size())
                name += QStringLiteral(" %1").arg(
                    i / (kProviderKinds.size() * kProviderPrefixes.size()) + 1);
            QJsonArray languages{QStringLiteral("English")};
            if (rng.chance(50))
                languages.append(QStringLiteral("Spanish"));
            if (rng.chance(20))
                languages.append(rng.pick(kLanguages));
            QJsonArray funding;
            for (const QString &f : kFunding)
                if (rng.chance(30))
                    funding.append(f);
            if (funding.isEmpty())
                funding.append(QStringLiteral("private pay"));
            const bool discontinued = rng.chance(12);
            const QString id = make(
                QStringLiteral("provider"),
                {{"name", name},
                 {"serviceTypes", QJsonArray::fromStringList(kind.serviceTypes)},
                 {"area", QLatin1String(city.area)},
                 {"eligibility", QLatin1String(kind.eligibility)},
                 {"languages", languages},
                 {"funding", funding},
                 {"phone", phone(rng)},
                 {"address",
                  QStringLiteral("%1 %2 %3, %4")
                      .arg(rng.range(10, 4999))
                      .arg(rng.pick(kStreets), rng.pick(kStreetKinds), QLatin1String(city.name))},
                 {"status", discontinued ? "discontinued" : "active"},
                 {"notes", discontinued ? QStringLiteral("Program ended; do not refer new clients.")
                                        : QStringLiteral("Intake by phone, weekdays 9 to 4.")}});
            m_providers.append({id, name, kind.serviceTypes.first(), !discontinued});
            for (int r = 0, n = rng.range(0, 4); r < n; ++r)
                make(QStringLiteral("providerRating"),
                     {{"providerId", id},
                      {"coordinatorId",
                       m_summary.coordinatorIds.at(r % m_summary.coordinatorIds.size())},
                      {"score", rng.range(discontinued ? 1 : 3, 5)},
                      {"comment", rng.pick(QStringList{
                                      "Reliable and quick to start.", "Clients like the staff.",
                                      "Slow to return calls.", "Good with non-English speakers."})},
                      {"ratedAt", dateTimeText(m_today.addDays(-rng.range(5, 300)), 14, 0)}});
        }
    }

    QString providerFor(Rng &rng, const QString &serviceType, bool activeOnly = true)
    {
        return provider(rng, serviceType, activeOnly).id;
    }

    const Provider &provider(Rng &rng, const QString &serviceType, bool activeOnly = true)
    {
        for (int tries = 0; tries < 8; ++tries) {
            const Provider &p = m_providers.at(rng.range(0, int(m_providers.size()) - 1));
            if ((p.serviceType == serviceType || tries > 4) && (p.active || !activeOnly))
                return p;
        }
        for (const Provider &p : m_providers)
            if (p.active)
                return p;
        return m_providers.first();
    }

    void makeClient(Rng &rng, int index)
    {
        const bool female = rng.chance(62);
        const QString first = rng.pick(female ? kFemaleNames : kMaleNames);
        const QString last = rng.pick(kLastNames);
        const QString fullName = first + QLatin1Char(' ') + last;
        const City &city = kCities.at(rng.range(0, int(kCities.size()) - 1));
        const QDate born = m_today.addYears(-rng.range(62, 97)).addDays(-rng.range(0, 364));
        const QString coordinatorId =
            m_summary.coordinatorIds.at(index % m_summary.coordinatorIds.size());
        QJsonArray risks;
        for (int r = 0, n = rng.chance(25) ? 0 : rng.range(1, 3); r < n; ++r) {
            const QString flag = rng.pick(kRiskFlags);
            if (!risks.contains(flag))
                risks.append(flag);
        }
        const int statusRoll = rng.range(0, 99);
        const QString status = statusRoll < 86   ? "active"
                               : statusRoll < 95 ? "on_hold"
                                                 : "discharged";
        const bool livesAlone = rng.chance(55);
        QString address = QStringLiteral("%1 %2 %3")
                              .arg(rng.range(12, 9899))
                              .arg(rng.pick(kStreets), rng.pick(kStreetKinds));
        const QString unit = rng.pick(kUnits);
        if (!unit.isEmpty())
            address += QStringLiteral(", ") + unit;
        const QString clientId =
            make(QStringLiteral("client"), {{"firstName", first},
                                            {"lastName", last},
                                            {"dateOfBirth", dateText(born)},
                                            {"phone", phone(rng)},
                                            {"address", address},
                                            {"city", QLatin1String(city.name)},
                                            {"postalCode", QLatin1String(city.postal)},
                                            {"language", rng.pick(kLanguages)},
                                            {"coordinatorId", coordinatorId},
                                            {"status", status},
                                            {"riskFlags", risks},
                                            {"notes", note(rng)},
                                            {"livesAlone", livesAlone}});
        m_summary.clientIds.append(clientId);

        // Contacts and caregivers.
        QString representative, representativeId;
        for (int c = 0, n = rng.range(1, 3); c < n; ++c) {
            const QString relationship = rng.pick(kRelationships);
            const QString name = QStringLiteral("%1 %2").arg(
                rng.pick(relationship == QLatin1String("son") ||
                                 relationship == QLatin1String("grandson")
                             ? kMaleNames
                             : kFemaleNames),
                relationship == QLatin1String("neighbor") || relationship == QLatin1String("friend")
                    ? rng.pick(kLastNames)
                    : last);
            if (c == 0)
                representative = name;
            QJsonObject contact{{"clientId", clientId},
                                {"name", name},
                                {"relationship", relationship},
                                {"phone", phone(rng)},
                                {"isCaregiver", c == 0 && rng.chance(70)},
                                {"isEmergencyContact", c == 0}};
            if (rng.chance(50))
                contact.insert("email", QString(name).toLower().replace(' ', '.').remove('\'') +
                                            "@mail.example");
            if (rng.chance(40))
                contact.insert(
                    "notes",
                    rng.pick(QStringList{"Best reached after 6 pm.", "Has power of attorney.",
                                         "Lives 40 minutes away.", "Speaks English and Spanish."}));
            const QString contactId = make(QStringLiteral("contact"), contact);
            if (c == 0)
                representativeId = contactId;
        }
        const bool byRepresentative = rng.chance(20);
        const QString signer = byRepresentative ? representative : fullName;

        // Assessments: the initial one (complete), sometimes a reassessment under way.
        const QDate assessed = m_today.addDays(-rng.range(60, 400));
        const QString assessmentId =
            makeAssessment(rng, clientId, "initial", "complete", assessed, true);
        if (rng.chance(75))
            sign(rng, clientId, QStringLiteral("assessment"), assessmentId, signer,
                 byRepresentative, assessed);
        if (rng.chance(30))
            makeAssessment(rng, clientId, "reassessment", rng.chance(50) ? "in_progress" : "draft",
                           m_today.addDays(-rng.range(0, 10)), false);

        // The care plan: goals, action steps, contingencies; sometimes an older finished one.
        if (rng.chance(20)) {
            const QString oldPlan =
                make(QStringLiteral("carePlan"),
                     {{"clientId", clientId},
                      {"title", QStringLiteral("First plan")},
                      {"status", rng.chance(50) ? "completed" : "superseded"},
                      {"startDate", dateText(assessed.addDays(-rng.range(200, 400)))},
                      {"summary", QStringLiteral("Earlier plan, kept for the record.")}});
            Q_UNUSED(oldPlan)
        }
        const int planRoll = rng.range(0, 99);
        const QString planStatus = planRoll < 80 ? "active" : "draft";
        const QDate planStart = assessed.addDays(rng.range(3, 14));
        const QString planId = make(
            QStringLiteral("carePlan"),
            {{"clientId", clientId},
             {"assessmentId", assessmentId},
             {"title", QStringLiteral("Staying well at home")},
             {"status", planStatus},
             {"startDate", dateText(planStart)},
             {"reviewDate", dateText(m_today.addDays(rng.range(-10, 120)))},
             {"summary", QStringLiteral("%1 wants to keep living at home. The plan focuses on %2.")
                             .arg(first, rng.chance(50) ? "safety and daily routines"
                                                        : "health, money worries and company")}});
        QVector<QPair<QString, const GoalTemplate *>> goals;
        const int goalCount = rng.range(2, 3);
        const int firstGoal = rng.range(0, int(kGoals.size()) - 1);
        for (int g = 0; g < goalCount; ++g) {
            const GoalTemplate &t = kGoals.at((firstGoal + g * 2) % kGoals.size());
            const QString goalStatus = rng.pick(
                QStringList{"open", "in_progress", "in_progress", "achieved", "not_achieved"});
            const QString goalId = make(
                QStringLiteral("goal"),
                {{"carePlanId", planId},
                 {"clientId", clientId},
                 {"statement", QLatin1String(t.statement)},
                 {"domain", QLatin1String(t.domain)},
                 {"measure", QLatin1String(t.measure)},
                 {"targetValue", QLatin1String(t.target)},
                 {"targetDate", dateText(m_today.addDays(rng.range(14, 180)))},
                 {"status", goalStatus},
                 {"progress", goalStatus == QLatin1String("achieved") ? 100 : rng.range(0, 9) * 10},
                 {"achievable",
                  QStringLiteral("Agreed with %1; help is available locally.").arg(first)},
                 {"relevance", QStringLiteral("Raised by %1 at the assessment.").arg(first)}});
            goals.append({goalId, &t});
            for (int s = 0, n = rng.range(1, 2); s < n; ++s) {
                const QString owner =
                    s == 0 ? "coordinator" : rng.pick(QStringList{"client", "provider", "family"});
                QJsonObject step{{"goalId", goalId},
                                 {"carePlanId", planId},
                                 {"clientId", clientId},
                                 {"description", s == 0 ? QLatin1String(t.step)
                                                        : QStringLiteral("Check in on progress "
                                                                         "with the %1")
                                                              .arg(owner)},
                                 {"owner", owner},
                                 {"dueDate", dateText(m_today.addDays(rng.range(-20, 30)))},
                                 {"status", rng.pick(QStringList{"todo", "in_progress", "done"})}};
                if (owner == QLatin1String("provider"))
                    step.insert("providerId", providerFor(rng, QLatin1String(t.serviceType)));
                make(QStringLiteral("actionStep"), step);
            }
            if (g == 0 || rng.chance(40))
                make(QStringLiteral("contingency"),
                     {{"carePlanId", planId},
                      {"clientId", clientId},
                      {"barrier", QLatin1String(t.barrier)},
                      {"alternative", QLatin1String(t.alternative)}});
        }
        if (planStatus == QLatin1String("active") && rng.chance(65))
            sign(rng, clientId, QStringLiteral("carePlan"), planId, signer, byRepresentative,
                 planStart);

        // Referrals to providers of the directory, for the plan's goals.
        for (int r = 0, n = rng.range(1, 2); r < n && r < goals.size(); ++r) {
            const GoalTemplate &t = *goals.at(r).second;
            const QString refStatus = rng.pick(
                QStringList{"draft", "sent", "accepted", "in_service", "in_service", "declined"});
            QJsonObject referral{{"clientId", clientId},
                                 {"providerId", providerFor(rng, QLatin1String(t.serviceType))},
                                 {"goalId", goals.at(r).first},
                                 {"serviceType", QLatin1String(t.serviceType)},
                                 {"status", refStatus},
                                 {"notes", QStringLiteral("Referred for %1.").arg(t.serviceType)}};
            if (refStatus != QLatin1String("draft"))
                referral.insert("sentOn", dateText(planStart.addDays(rng.range(1, 20))));
            if (refStatus == QLatin1String("in_service"))
                referral.insert("startedOn", dateText(planStart.addDays(rng.range(21, 40))));
            make(QStringLiteral("referral"), referral);
        }

        // Benefit applications.
        for (int b = 0, n = rng.range(0, 2); b < n; ++b) {
            const QString benefitStatus = rng.pick(QStringList{
                "preparing", "submitted", "submitted", "approved", "denied", "appealed"});
            QJsonObject app{{"clientId", clientId},
                            {"program", rng.pick(kPrograms)},
                            {"status", benefitStatus}};
            if (benefitStatus != QLatin1String("preparing"))
                app.insert("submittedOn", dateText(m_today.addDays(-rng.range(10, 120))));
            if (benefitStatus == QLatin1String("approved") ||
                benefitStatus == QLatin1String("denied"))
                app.insert("decisionOn", dateText(m_today.addDays(-rng.range(1, 9))));
            if (benefitStatus != QLatin1String("approved")) {
                app.insert(
                    "nextAction",
                    rng.pick(QStringList{"Collect proof of income", "Call the caseworker",
                                         "Send the signed consent form", "File the appeal form"}));
                app.insert("nextActionDue", dateText(m_today.addDays(rng.range(-7, 21))));
            }
            make(QStringLiteral("benefitApplication"), app);
        }

        // Appointments: some soon without transport arranged.
        for (int a = 0, n = rng.range(1, 2); a < n; ++a) {
            const int inDays = rng.range(-20, 14);
            const bool past = inDays < 0;
            const bool transport = rng.chance(past ? 90 : 55);
            QJsonObject app{
                {"clientId", clientId},
                {"title", rng.pick(kAppointmentTitles)},
                {"withWhom", QStringLiteral("Dr. %1").arg(rng.pick(kLastNames))},
                {"startsAt",
                 dateTimeText(m_today.addDays(inDays), rng.range(8, 15), rng.chance(50) ? 0 : 30)},
                {"location", rng.pick(kClinics)},
                {"transportArranged", transport},
                {"preparationNotes",
                 rng.pick(QStringList{"Bring the medication list and insurance card.",
                                      "No food after midnight.", "Bring glasses and hearing aids.",
                                      "Write down questions about the knee."})},
                {"status",
                 past ? rng.pick(QStringList{"completed", "completed", "missed", "cancelled"})
                      : "scheduled"}};
            if (transport)
                app.insert("transportNotes", rng.pick(QStringList{"Senior Ride booked, pick-up 45 "
                                                                  "minutes before.",
                                                                  "Daughter drives."}));
            make(QStringLiteral("appointment"), app);
        }

        // Visits: completed ones with notes, some planned today, a few in progress.
        QString lastVisitId;
        QDate lastVisitDay;
        for (int v = 0, n = rng.range(1, 3); v < n; ++v) {
            const QDate day = m_today.addDays(-rng.range(7, 90) - 30 * v);
            const int hour = rng.range(9, 15);
            const QString visitId =
                make(QStringLiteral("visit"),
                     {{"clientId", clientId},
                      {"coordinatorId", coordinatorId},
                      {"plannedAt", dateTimeText(day, hour, 0)},
                      {"checkInAt", dateTimeText(day, hour, rng.range(0, 15))},
                      {"checkOutAt", dateTimeText(day, hour + 1, rng.range(0, 45))},
                      {"status", "completed"},
                      {"purpose", rng.pick(kVisitPurposes)},
                      {"summary", note(rng)}});
            make(QStringLiteral("visitNote"),
                 {{"visitId", visitId},
                  {"clientId", clientId},
                  {"text", QStringLiteral("Visited %1 at home. %2").arg(first, note(rng))},
                  {"authorId", coordinatorId},
                  {"writtenAt", dateTimeText(day, hour + 1, 50)}});
            if (v == 0) {
                lastVisitId = visitId;
                lastVisitDay = day;
                if (rng.chance(25))
                    sign(rng, clientId, QStringLiteral("visit"), visitId, signer, byRepresentative,
                         day);
            }
        }
        if (status == QLatin1String("active")) {
            const int todayRoll = rng.range(0, 99);
            if (todayRoll < 20)
                make(QStringLiteral("visit"), {{"clientId", clientId},
                                               {"coordinatorId", coordinatorId},
                                               {"plannedAt", dateTimeText(m_today, rng.range(9, 16),
                                                                          rng.chance(50) ? 0 : 30)},
                                               {"status", "planned"},
                                               {"purpose", rng.pick(kVisitPurposes)}});
            else if (todayRoll < 24)
                make(QStringLiteral("visit"), {{"clientId", clientId},
                                               {"coordinatorId", coordinatorId},
                                               {"plannedAt", dateTimeText(m_today, 9, 0)},
                                               {"checkInAt", dateTimeText(m_today, 9, 5)},
                                               {"status", "in_progress"},
                                               {"purpose", rng.pick(kVisitPurposes)}});
            else if (todayRoll < 50)
                make(QStringLiteral("visit"),
                     {{"clientId", clientId},
                      {"coordinatorId", coordinatorId},
                      {"plannedAt", dateTimeText(m_today.addDays(rng.range(1, 20)), 10, 0)},
                      {"status", "planned"},
                      {"purpose", rng.pick(kVisitPurposes)}});
        }

        // Follow-ups: overdue, due today, later, done.
        for (int f = 0, n = rng.range(1, 3); f < n; ++f) {
            const int roll = rng.range(0, 99);
            const int due = roll < 25 ? -rng.range(1, 14) : roll < 40 ? 0 : rng.range(1, 21);
            const bool done = roll >= 80;
            QJsonObject followUp{
                {"clientId", clientId},
                {"visitId", lastVisitId},
                {"description", rng.pick(kFollowUps)},
                {"dueOn", dateText(m_today.addDays(done ? -rng.range(1, 30) : due))},
                {"status", done ? "done" : "open"},
                {"priority", rng.pick(QStringList{"low", "normal", "normal", "high"})}};
            if (done)
                followUp.insert("doneOn", dateText(m_today.addDays(-rng.range(0, 3))));
            make(QStringLiteral("followUp"), followUp);
        }

        // Complaints, with the actions taken.
        if (rng.chance(18)) {
            const QString complaintStatus =
                rng.pick(QStringList{"open", "investigating", "resolved", "closed"});
            QJsonObject complaint{
                {"clientId", clientId},
                {"visitId", lastVisitId},
                {"providerId", providerFor(rng, QStringLiteral("personal care"), false)},
                {"subject", rng.pick(kComplaints)},
                {"description", QStringLiteral("%1 told the coordinator during "
                                               "the visit. %2")
                                    .arg(first, rng.pick(kNoteMiddles).trimmed())},
                {"status", complaintStatus},
                {"raisedOn", dateText(lastVisitDay)}};
            if (complaintStatus == QLatin1String("resolved") ||
                complaintStatus == QLatin1String("closed"))
                complaint.insert("resolution", QStringLiteral("Provider apologized and assigned a "
                                                              "new scheduler."));
            const QString complaintId = make(QStringLiteral("complaint"), complaint);
            for (int a = 0, n = rng.range(1, 2); a < n; ++a)
                make(QStringLiteral("complaintAction"),
                     {{"complaintId", complaintId},
                      {"clientId", clientId},
                      {"description", a == 0 ? "Called the provider's supervisor"
                                             : "Wrote to the agency's quality team"},
                      {"authorId", coordinatorId},
                      {"takenAt", dateTimeText(lastVisitDay.addDays(a + 1), 11, 0)}});
        }

        // Satisfaction checks.
        if (rng.chance(50))
            make(QStringLiteral("satisfactionResponse"),
                 {{"clientId", clientId},
                  {"visitId", lastVisitId},
                  {"score", rng.range(2, 5)},
                  {"comments", rng.pick(kSatisfactionComments)},
                  {"respondedAt", dateTimeText(lastVisitDay, 16, 0)}});

        // A consent to share information with the personal care provider, signed when it
        // began: a year long, so some have run out.
        if (rng.chance(60)) {
            const Provider &p = provider(rng, QStringLiteral("personal care"));
            const QDate from = m_today.addDays(-rng.range(20, 420));
            QJsonArray shares{"contact details", "care plan"};
            if (rng.chance(50))
                shares.append(QStringLiteral("medications"));
            const QString consentId =
                make(QStringLiteral("consent"),
                     {{"clientId", clientId},
                      {"providerId", p.id},
                      {"recipient", p.name},
                      {"shares", shares},
                      {"purpose", QStringLiteral("Coordinate personal care at home")},
                      {"validFrom", dateText(from)},
                      {"validUntil", dateText(from.addYears(1))},
                      {"status", "active"}});
            sign(rng, clientId, QStringLiteral("consent"), consentId, signer, byRepresentative,
                 from);
        }

        // The contact log: calls and messages between visits, with family and providers.
        for (int e = 0, n = rng.range(0, 3); e < n; ++e) {
            const bool family = rng.chance(50);
            QJsonObject entry{{"clientId", clientId},
                              {"channel", rng.pick(QStringList{"phone", "phone", "text_message",
                                                               "email", "video", "letter"})},
                              {"direction", rng.chance(60) ? "outgoing" : "incoming"},
                              {"at", dateTimeText(m_today.addDays(-rng.range(1, 60)),
                                                  rng.range(9, 16), rng.chance(50) ? 0 : 30)},
                              {"summary", rng.pick(kContactSummaries)},
                              {"authorId", coordinatorId}};
            if (family) {
                entry.insert("contactId", representativeId);
                entry.insert("withWhom", representative);
            } else {
                const Provider &p = provider(rng, QStringLiteral("home-delivered meals"));
                entry.insert("providerId", p.id);
                entry.insert("withWhom", p.name);
            }
            make(QStringLiteral("contactLog"), entry);
        }
    }

    QString makeAssessment(Rng &rng, const QString &clientId, const QString &kind,
                           const QString &status, const QDate &day, bool allAnswered)
    {
        QJsonObject values{
            {"clientId", clientId},
            {"kind", kind},
            {"status", status},
            {"startedAt", dateTimeText(day, 10, 0)},
            {"medicalNotes", "Type 2 diabetes and high blood pressure; sees the "
                             "primary care doctor every three months."},
            {"emotionalNotes", "Says she feels lonely most evenings."},
            {"socialNotes", "Family nearby but busy; one close neighbor."},
            {"financialNotes", "Social Security only; struggles with utility bills."},
            {"dailyLivingNotes", "Needs help getting in and out of the bathtub."},
            {"housingNotes", "Rents; steep front steps without a rail."},
            {"transportationNotes", "No longer drives; relies on family and buses."},
            {"medicationNotes", "Seven daily medications; sometimes misses doses."},
            {"safetyNotes", "Two falls in the last six months."},
            {"strengths", "Motivated, good humor, supportive church community."}};
        if (status == QLatin1String("complete"))
            values.insert("completedAt", dateTimeText(day, 11, 30));
        QString id = make(QStringLiteral("assessment"), values);
        // A finished assessment answers every structured question of every domain (it could
        // not be completed otherwise). The answers come from the client and question, not from
        // rng, so the rest of the agency stays as it was.
        if (allAnswered)
            for (const AssessmentDomain &domain : AssessmentDomains::all())
                for (const DomainQuestion &question : domain.questions) {
                    const QString item = AssessmentDomains::itemKey(domain, question);
                    make(QStringLiteral("assessmentAnswer"),
                         {{"assessmentId", id},
                          {"clientId", clientId},
                          {"instrument", "domain"},
                          {"item", item},
                          {"value", int(qHash(clientId + item, 7) % question.options.size())}});
                }
        // Impairment level of this client: lower ability, more "0" answers.
        const int ability = rng.range(30, 95);
        for (const QString instrument : {"katz", "lawton", "phq2"}) {
            const Instrument *def = Instruments::find(instrument);
            int phq2 = 0;
            for (const InstrumentItem &item : def->items) {
                if (!allAnswered && rng.chance(40))
                    continue;
                const int value = item.maximum == 1 ? (rng.chance(ability) ? 1 : 0)
                                                    : rng.range(item.minimum, item.maximum);
                phq2 += value;
                make(QStringLiteral("assessmentAnswer"), {{"assessmentId", id},
                                                          {"clientId", clientId},
                                                          {"instrument", instrument},
                                                          {"item", item.key},
                                                          {"value", value}});
            }
            // A positive PHQ-2 (>= 3) leads to the full PHQ-9.
            if (instrument == QLatin1String("phq2") && phq2 >= 3 && allAnswered)
                for (const InstrumentItem &item : Instruments::find("phq9")->items)
                    make(QStringLiteral("assessmentAnswer"),
                         {{"assessmentId", id},
                          {"clientId", clientId},
                          {"instrument", "phq9"},
                          {"item", item.key},
                          {"value", rng.range(item.minimum, item.maximum)},
                          {"note", item.key == QLatin1String("selfharm")
                                       ? QJsonValue("Discussed safety plan with the client.")
                                       : QJsonValue()}});
        }
        return id;
    }

    const DemoAgency::Sink &m_sink;
    const DemoAgency::Options &m_o;
    QDate m_today;
    DemoAgency::Summary m_summary;
    QVector<Provider> m_providers;
    // This client's signable records and the records they seal (generic sink only).
    QVector<Record> m_pending;
};

} // namespace

DemoAgency::Summary DemoAgency::generate(const Sink &sink, const Options &options)
{
    return Generator(sink, options).run();
}

DemoAgency::Summary DemoAgency::generate(LocalEditor &editor, Options options)
{
    options.signer = &editor;
    return generate([&editor](const QString &entity,
                              const QJsonObject &values) { return editor.create(entity, values); },
                    options);
}

} // namespace careround
