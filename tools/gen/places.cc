// SPDX-License-Identifier: Apache-2.0
// Places and organisation name parts of tools/gen/lists.h. City populations
// (thousands) are rounded census figures; ZIP codes and area codes are the
// real ones of each city so that postcode/city checks pass.
#include "tools/gen/lists.h"

namespace mdm::gen {
namespace {

constexpr FrenchCity kFrenchCities[] = {
    {"Paris", "PARIS", "75", 2100},
    {"Marseille", "MARSEILLE", "13", 870},
    {"Lyon", "LYON", "69", 520},
    {"Toulouse", "TOULOUSE", "31", 490},
    {"Nice", "NICE", "06", 340},
    {"Nantes", "NANTES", "44", 320},
    {"Montpellier", "MONTPELLIER", "34", 300},
    {"Strasbourg", "STRASBOURG", "67", 290},
    {"Bordeaux", "BORDEAUX", "33", 260},
    {"Lille", "LILLE", "59", 235},
    {"Rennes", "RENNES", "35", 220},
    {"Reims", "REIMS", "51", 180},
    {"Toulon", "TOULON", "83", 175},
    {"Saint-Étienne", "ST ETIENNE", "42", 173},
    {"Le Havre", "LE HAVRE", "76", 168},
    {"Grenoble", "GRENOBLE", "38", 158},
    {"Dijon", "DIJON", "21", 158},
    {"Angers", "ANGERS", "49", 155},
    {"Nîmes", "NIMES", "30", 150},
    {"Villeurbanne", "VILLEURBANNE", "69", 150},
    {"Clermont-Ferrand", "CLERMONT FERRAND", "63", 147},
    {"Le Mans", "LE MANS", "72", 145},
    {"Aix-en-Provence", "AIX EN PROVENCE", "13", 145},
    {"Brest", "BREST", "29", 140},
    {"Tours", "TOURS", "37", 137},
    {"Amiens", "AMIENS", "80", 134},
    {"Limoges", "LIMOGES", "87", 131},
    {"Annecy", "ANNECY", "74", 130},
    {"Perpignan", "PERPIGNAN", "66", 120},
    {"Metz", "METZ", "57", 118},
    {"Besançon", "BESANCON", "25", 117},
    {"Orléans", "ORLEANS", "45", 116},
    {"Rouen", "ROUEN", "76", 112},
    {"Caen", "CAEN", "14", 106},
    {"Nancy", "NANCY", "54", 104},
    {"Poitiers", "POITIERS", "86", 89},
    {"Avignon", "AVIGNON", "84", 91},
    {"Créteil", "CRETEIL", "94", 92},
    {"La Rochelle", "LA ROCHELLE", "17", 77},
    {"Pau", "PAU", "64", 77},
};

constexpr UsCity kUsCities[] = {
    {"New York", "NY", "10001 10016 10021 10032 10065", "212", 8300},
    {"Los Angeles", "CA", "90012 90024 90033 90048", "213", 3900},
    {"Chicago", "IL", "60601 60611 60612 60637", "312", 2700},
    {"Houston", "TX", "77002 77030 77054", "713", 2300},
    {"Phoenix", "AZ", "85004 85006 85013", "602", 1600},
    {"Philadelphia", "PA", "19103 19104 19107", "215", 1580},
    {"San Antonio", "TX", "78205 78229", "210", 1450},
    {"San Diego", "CA", "92101 92103 92123", "619", 1390},
    {"Dallas", "TX", "75201 75235 75390", "214", 1300},
    {"San Jose", "CA", "95113 95128", "408", 1000},
    {"Austin", "TX", "78701 78705 78756", "512", 960},
    {"Jacksonville", "FL", "32202 32209", "904", 950},
    {"Columbus", "OH", "43215 43210", "614", 900},
    {"Charlotte", "NC", "28202 28204", "704", 870},
    {"Indianapolis", "IN", "46204 46202", "317", 880},
    {"San Francisco", "CA", "94102 94115 94143", "415", 810},
    {"Seattle", "WA", "98101 98104 98195", "206", 740},
    {"Denver", "CO", "80202 80218", "303", 710},
    {"Boston", "MA", "02108 02114 02115", "617", 650},
    {"Nashville", "TN", "37203 37232", "615", 690},
    {"Baltimore", "MD", "21201 21205 21287", "410", 580},
    {"Portland", "OR", "97204 97239", "503", 650},
    {"Las Vegas", "NV", "89101 89102", "702", 650},
    {"Detroit", "MI", "48226 48201", "313", 630},
    {"Memphis", "TN", "38103 38105", "901", 630},
    {"Louisville", "KY", "40202 40207", "502", 620},
    {"Milwaukee", "WI", "53202 53226", "414", 570},
    {"Albuquerque", "NM", "87102 87106", "505", 560},
    {"Tucson", "AZ", "85701 85724", "520", 540},
    {"Sacramento", "CA", "95814 95817", "916", 520},
    {"Kansas City", "MO", "64106 64108", "816", 510},
    {"Atlanta", "GA", "30303 30308 30322", "404", 500},
    {"Miami", "FL", "33130 33136", "305", 440},
    {"Raleigh", "NC", "27601 27607", "919", 470},
    {"Omaha", "NE", "68102 68198", "402", 480},
    {"Minneapolis", "MN", "55401 55455", "612", 430},
    {"Cleveland", "OH", "44113 44195 44106", "216", 370},
    {"Tampa", "FL", "33602 33606", "813", 390},
    {"New Orleans", "LA", "70112 70115", "504", 380},
    {"Pittsburgh", "PA", "15222 15213", "412", 300},
    {"Cincinnati", "OH", "45202 45229", "513", 310},
    {"St. Louis", "MO", "63101 63110", "314", 300},
    {"Salt Lake City", "UT", "84101 84132", "801", 200},
    {"Rochester", "MN", "55902 55905", "507", 120},
    {"Ann Arbor", "MI", "48104 48109", "734", 120},
};

constexpr StreetType kFrenchStreetTypes[] = {
    {"rue", "r."}, {"rue", "rue"}, {"rue", "rue"}, {"avenue", "av."},
    {"boulevard", "bd"}, {"place", "pl."}, {"allée", "all."},
    {"chemin", "ch."}, {"impasse", "imp."}, {"quai", "qu."},
    {"route", "rte"}, {"cours", "crs"},
};

constexpr const char* kFrenchStreetNames[] = {
    "Victor Hugo", "Jean Jaurès", "de la République", "Pasteur",
    "du Général de Gaulle", "Gambetta", "Voltaire", "Jules Ferry",
    "de la Gare", "des Écoles", "Nationale", "Carnot", "Foch", "Émile Zola",
    "Louis Pasteur", "de Verdun", "du Marché", "Saint-Martin", "des Lilas",
    "Haussmann", "de la Paix", "du Moulin", "des Tilleuls", "de l'Église",
    "du Château", "Jean Moulin", "de la Liberté", "des Acacias", "Molière",
    "Paul Bert", "Aristide Briand", "du Stade", "de Lattre de Tassigny",
    "Clemenceau", "du 8 Mai 1945", "des Peupliers", "de Strasbourg",
    "du Port", "Anatole France", "de la Mairie", "des Roses", "Saint-Jacques",
};

constexpr StreetType kUsStreetTypes[] = {
    {"Street", "St"}, {"Street", "St."}, {"Avenue", "Ave"},
    {"Boulevard", "Blvd"}, {"Road", "Rd"}, {"Drive", "Dr"}, {"Lane", "Ln"},
    {"Place", "Pl"}, {"Court", "Ct"},
};

constexpr const char* kUsStreetNames[] = {
    "Main", "Oak", "Maple", "Cedar", "Elm", "Pine", "Washington", "Lake",
    "Hill", "Park", "2nd", "3rd", "5th", "Lincoln", "Jefferson", "Madison",
    "Sunset", "Highland", "Walnut", "Church", "Market", "River", "Spring",
    "Franklin", "Chestnut", "Broad", "Center", "Mill", "Union", "Jackson",
};

constexpr const char* kFrenchClinicNames[] = {
    "Saint-Joseph", "du Parc", "des Cèdres", "Sainte-Anne", "Pasteur",
    "de l'Espérance", "Saint-Jean", "des Lilas", "Bon Secours",
    "du Val", "des Alpes", "de la Source", "Saint-Vincent", "des Jardins",
};

constexpr const char* kUsHospitalNames[] = {
    "St. Mary's Hospital", "Mercy Hospital", "Good Samaritan Hospital",
    "St. Luke's Medical Center", "Memorial Hospital", "Providence Hospital",
    "Riverside Medical Center", "St. Joseph's Hospital",
};

constexpr const char* kProductNames[] = {
    "Zorvitan", "Cardiolex", "Neurapax", "Pulmozel", "Dermavine",
    "Glucoryl", "Oncotrexa", "Hepatavir", "Rhumafen", "Somnidol",
};

}  // namespace

absl::Span<const FrenchCity> FrenchCities() { return kFrenchCities; }
absl::Span<const UsCity> UsCities() { return kUsCities; }
absl::Span<const StreetType> FrenchStreetTypes() { return kFrenchStreetTypes; }
absl::Span<const char* const> FrenchStreetNames() { return kFrenchStreetNames; }
absl::Span<const StreetType> UsStreetTypes() { return kUsStreetTypes; }
absl::Span<const char* const> UsStreetNames() { return kUsStreetNames; }
absl::Span<const char* const> FrenchClinicNames() { return kFrenchClinicNames; }
absl::Span<const char* const> UsHospitalNames() { return kUsHospitalNames; }
absl::Span<const char* const> ProductNames() { return kProductNames; }

}  // namespace mdm::gen
