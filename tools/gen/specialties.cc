// SPDX-License-Identifier: Apache-2.0
// The specialty catalog of tools/gen/lists.h. Each specialty lists the
// spellings sources really use: the French specialty and practitioner nouns,
// common abbreviations (MG, IDE) and the English board or taxonomy names.
#include "tools/gen/lists.h"

namespace mdm::gen {
namespace {

// One array of spellings per specialty and language; the first is the usual.
constexpr const char* kGpFr[] = {"Médecine générale", "MG", "Médecin généraliste", "Généraliste"};
constexpr const char* kGpEn[] = {"General Practice", "Family Medicine", "GP"};
constexpr const char* kCardioFr[] = {"Cardiologie", "Cardiologue", "Cardio"};
constexpr const char* kCardioEn[] = {"Cardiology", "Cardiovascular Disease", "Cardiologist"};
constexpr const char* kOncoFr[] = {"Oncologie", "Oncologue", "Oncologie médicale"};
constexpr const char* kOncoEn[] = {"Oncology", "Medical Oncology", "Hematology/Oncology"};
constexpr const char* kPedFr[] = {"Pédiatrie", "Pédiatre"};
constexpr const char* kPedEn[] = {"Pediatrics", "Pediatrician"};
constexpr const char* kDermFr[] = {"Dermatologie", "Dermatologue", "Dermato"};
constexpr const char* kDermEn[] = {"Dermatology", "Dermatologist"};
constexpr const char* kPsyFr[] = {"Psychiatrie", "Psychiatre"};
constexpr const char* kPsyEn[] = {"Psychiatry", "Psychiatrist"};
constexpr const char* kPneumoFr[] = {"Pneumologie", "Pneumologue", "Pneumo"};
constexpr const char* kPneumoEn[] = {"Pulmonology", "Pulmonary Disease"};
constexpr const char* kRhumatoFr[] = {"Rhumatologie", "Rhumatologue"};
constexpr const char* kRhumatoEn[] = {"Rheumatology", "Rheumatologist"};
constexpr const char* kEndoFr[] = {"Endocrinologie", "Endocrinologue", "Diabétologie"};
constexpr const char* kEndoEn[] = {"Endocrinology", "Endocrinology, Diabetes & Metabolism"};
constexpr const char* kGastroFr[] = {"Gastro-entérologie", "Gastro-entérologue", "Hépato-gastro-entérologie"};
constexpr const char* kGastroEn[] = {"Gastroenterology", "Gastroenterologist"};
constexpr const char* kNeuroFr[] = {"Neurologie", "Neurologue"};
constexpr const char* kNeuroEn[] = {"Neurology", "Neurologist"};
constexpr const char* kNephroFr[] = {"Néphrologie", "Néphrologue"};
constexpr const char* kNephroEn[] = {"Nephrology", "Nephrologist"};
constexpr const char* kGynFr[] = {"Gynécologie obstétrique", "Gynécologue", "Gynéco"};
constexpr const char* kGynEn[] = {"Obstetrics & Gynecology", "OB/GYN", "Gynecology"};
constexpr const char* kOphtalmoFr[] = {"Ophtalmologie", "Ophtalmologue", "Ophtalmo"};
constexpr const char* kOphtalmoEn[] = {"Ophthalmology", "Ophthalmologist"};
constexpr const char* kAnesthFr[] = {"Anesthésie-réanimation", "Anesthésiste"};
constexpr const char* kAnesthEn[] = {"Anesthesiology", "Anesthesiologist"};
constexpr const char* kPharmaFr[] = {"Pharmacien", "Pharmacienne", "Pharmacie d'officine"};
constexpr const char* kPharmaEn[] = {"Pharmacist", "Pharmacy", "PharmD"};
constexpr const char* kNurseFr[] = {"Infirmier", "Infirmière", "IDE", "Soins infirmiers"};
constexpr const char* kNurseEn[] = {"Nurse", "Registered Nurse", "RN"};
constexpr const char* kMidwifeFr[] = {"Sage-femme", "Maïeutique"};
constexpr const char* kMidwifeEn[] = {"Midwife", "Certified Nurse Midwife"};
constexpr const char* kDentistFr[] = {"Chirurgien-dentiste", "Dentiste"};
constexpr const char* kDentistEn[] = {"Dentist", "General Dentistry"};

constexpr SpecialtyInfo kSpecialties[] = {
    {"general_practice", Profession::kPhysician, kGpFr, kGpEn, 220, 200},
    {"cardiology", Profession::kPhysician, kCardioFr, kCardioEn, 40, 40},
    {"oncology", Profession::kPhysician, kOncoFr, kOncoEn, 30, 30},
    {"pediatrics", Profession::kPhysician, kPedFr, kPedEn, 30, 50},
    {"dermatology", Profession::kPhysician, kDermFr, kDermEn, 20, 20},
    {"psychiatry", Profession::kPhysician, kPsyFr, kPsyEn, 40, 40},
    {"pulmonology", Profession::kPhysician, kPneumoFr, kPneumoEn, 20, 20},
    {"rheumatology", Profession::kPhysician, kRhumatoFr, kRhumatoEn, 20, 15},
    {"endocrinology", Profession::kPhysician, kEndoFr, kEndoEn, 20, 20},
    {"gastroenterology", Profession::kPhysician, kGastroFr, kGastroEn, 20, 20},
    {"neurology", Profession::kPhysician, kNeuroFr, kNeuroEn, 20, 20},
    {"nephrology", Profession::kPhysician, kNephroFr, kNephroEn, 10, 15},
    {"gynecology", Profession::kPhysician, kGynFr, kGynEn, 30, 30},
    {"ophthalmology", Profession::kPhysician, kOphtalmoFr, kOphtalmoEn, 20, 20},
    {"anesthesiology", Profession::kPhysician, kAnesthFr, kAnesthEn, 30, 40},
    {"pharmacist", Profession::kPharmacist, kPharmaFr, kPharmaEn, 140, 110},
    {"nurse", Profession::kNurse, kNurseFr, kNurseEn, 250, 280},
    {"midwife", Profession::kMidwife, kMidwifeFr, kMidwifeEn, 30, 10},
    {"dentist", Profession::kDentist, kDentistFr, kDentistEn, 60, 70},
};

}  // namespace

absl::Span<const SpecialtyInfo> Specialties() { return kSpecialties; }

}  // namespace mdm::gen
