#include "demo/british_names.hpp"

#include <array>

namespace hearth::demo {
namespace {
using namespace std::string_view_literals;

// The tables read better as aligned columns than one entry a line.
// clang-format off
// Plain ASCII spellings throughout (Sian, not Siân) so that the demo never depends on how a search folds accents.
constexpr std::array kAdultFemale{
    "Sarah"sv,    "Emma"sv,      "Claire"sv,    "Kelly"sv,    "Gemma"sv,     "Lisa"sv,      "Rebecca"sv,
    "Laura"sv,    "Stacey"sv,    "Jade"sv,      "Nicola"sv,   "Rhian"sv,     "Sian"sv,      "Ceri"sv,
    "Catrin"sv,   "Kirsty"sv,    "Leanne"sv,    "Amy"sv,      "Hayley"sv,    "Natalie"sv,   "Samantha"sv,
    "Charlotte"sv, "Danielle"sv, "Joanne"sv,    "Michelle"sv, "Rachel"sv,    "Victoria"sv,  "Zoe"sv,
    "Hannah"sv,   "Jessica"sv,   "Lauren"sv,    "Katie"sv,    "Chloe"sv,     "Sophie"sv,    "Megan"sv,
    "Bethan"sv,   "Carys"sv,     "Nia"sv,       "Lowri"sv,    "Angharad"sv,  "Cerys"sv,     "Elin"sv,
    "Ffion"sv,    "Manon"sv,     "Sioned"sv,    "Kayleigh"sv, "Shannon"sv,   "Chantelle"sv, "Kerry"sv,
    "Donna"sv,    "Tracey"sv,    "Karen"sv,     "Helen"sv,    "Julie"sv,     "Louise"sv,    "Amanda"sv,
    "Dawn"sv,     "Sharon"sv,    "Tanya"sv,     "Toni"sv,     "Alison"sv,    "Melanie"sv,   "Jennifer"sv,
    "Stephanie"sv, "Holly"sv,    "Abbie"sv,     "Amber"sv,    "Bethany"sv,   "Courtney"sv,  "Jodie"sv,
    "Rhiannon"sv, "Leah"sv,      "Jasmine"sv,   "Ellie"sv,    "Naomi"sv,     "Aimee"sv,     "Kimberley"sv,
    "Lindsey"sv,  "Vicky"sv,     "Heledd"sv,    "Eleri"sv,    "Delyth"sv,    "Mared"sv,     "Aisha"sv,
    "Fatima"sv,   "Priya"sv,     "Ayesha"sv,    "Agnieszka"sv, "Katarzyna"sv, "Precious"sv, "Anna"sv,
    "Lucy"sv,     "Kate"sv,      "Jenna"sv,     "Cheryl"sv,   "Debbie"sv,    "Paula"sv,     "Andrea"sv};

constexpr std::array kAdultMale{
    "David"sv,    "Gareth"sv,    "Rhys"sv,      "Craig"sv,    "Lee"sv,       "Dean"sv,      "Jason"sv,
    "Mark"sv,     "Paul"sv,      "Darren"sv,    "Ryan"sv,     "Daniel"sv,    "Matthew"sv,   "Christopher"sv,
    "Andrew"sv,   "Richard"sv,   "Steven"sv,    "Wayne"sv,    "Carl"sv,      "Gavin"sv,     "Jamie"sv,
    "Jonathan"sv, "Kevin"sv,     "Martin"sv,    "Neil"sv,     "Robert"sv,    "Simon"sv,     "Stuart"sv,
    "Thomas"sv,   "Michael"sv,   "James"sv,     "Adam"sv,     "Aaron"sv,     "Ashley"sv,    "Bradley"sv,
    "Callum"sv,   "Connor"sv,    "Jordan"sv,    "Kyle"sv,     "Liam"sv,      "Luke"sv,      "Nathan"sv,
    "Scott"sv,    "Shaun"sv,     "Lewis"sv,     "Jake"sv,     "Joshua"sv,    "Kieran"sv,    "Owain"sv,
    "Dafydd"sv,   "Gethin"sv,    "Huw"sv,       "Iwan"sv,     "Rhodri"sv,    "Aled"sv,      "Geraint"sv,
    "Emyr"sv,     "Sion"sv,      "Dewi"sv,      "Ieuan"sv,    "Gruffydd"sv,  "Dylan"sv,     "Marc"sv,
    "Anthony"sv,  "Gary"sv,      "Ian"sv,       "Keith"sv,    "Sean"sv,      "Mohammed"sv,  "Imran"sv,
    "Tariq"sv,    "Piotr"sv,     "Tomasz"sv,    "Kwame"sv,    "Samuel"sv,    "Benjamin"sv,  "Alexander"sv,
    "Joseph"sv,   "Ben"sv,       "Sam"sv,       "Tom"sv,      "Nicholas"sv,  "Peter"sv,     "Jeremy"sv,
    "Leon"sv,     "Ricky"sv,     "Dale"sv,      "Elliot"sv,   "Kristian"sv,  "Rob"sv,       "Phillip"sv};

constexpr std::array kChildFemale{
    "Olivia"sv,   "Amelia"sv,    "Isla"sv,      "Ava"sv,      "Mia"sv,       "Lily"sv,      "Seren"sv,
    "Evie"sv,     "Freya"sv,     "Grace"sv,     "Poppy"sv,    "Ella"sv,      "Isabella"sv,  "Sophia"sv,
    "Rosie"sv,    "Willow"sv,    "Ivy"sv,       "Harper"sv,   "Millie"sv,    "Daisy"sv,     "Florence"sv,
    "Sienna"sv,   "Phoebe"sv,    "Matilda"sv,   "Elsie"sv,    "Esme"sv,      "Ruby"sv,      "Maisie"sv,
    "Alice"sv,    "Eva"sv,       "Erin"sv,      "Layla"sv,    "Aria"sv,      "Luna"sv,      "Orla"sv,
    "Thea"sv,     "Lottie"sv,    "Lola"sv,      "Darcie"sv,   "Hallie"sv,    "Bonnie"sv,    "Mali"sv,
    "Cadi"sv,     "Elan"sv,      "Eira"sv,      "Alaw"sv,     "Lili"sv,      "Nel"sv,       "Gwen"sv,
    "Ffion"sv,    "Megan"sv,     "Niamh"sv,     "Scarlett"sv, "Emily"sv,     "Jessica"sv,   "Chloe"sv,
    "Holly"sv,    "Katie"sv,     "Lacey"sv,     "Paige"sv,    "Tegan"sv,     "Tia"sv,       "Macy"sv,
    "Lexi"sv,     "Skye"sv,      "Summer"sv,    "Violet"sv,   "Hazel"sv,     "Iris"sv,      "Hope"sv,
    "Molly"sv,    "Zara"sv,      "Amira"sv,     "Maryam"sv,   "Zofia"sv,     "Maja"sv,      "Lena"sv,
    "Ayla"sv,     "Eliza"sv,     "Imogen"sv,    "Georgia"sv,  "Aoife"sv,     "Heidi"sv,     "Nancy"sv,
    "Mabli"sv,    "Efa"sv,       "Betsan"sv,    "Lowri"sv,    "Carys"sv,     "Elena"sv,     "Rhea"sv};

constexpr std::array kChildMale{
    "Oliver"sv,   "Noah"sv,      "Jack"sv,      "Harry"sv,    "Alfie"sv,     "Charlie"sv,   "Osian"sv,
    "Dylan"sv,    "Jac"sv,       "Tomos"sv,     "Leo"sv,      "Theo"sv,      "Arthur"sv,    "George"sv,
    "Oscar"sv,    "Freddie"sv,   "Archie"sv,    "Henry"sv,    "Jacob"sv,     "Logan"sv,     "Mason"sv,
    "Riley"sv,    "Finley"sv,    "Ethan"sv,     "Isaac"sv,    "Jaxon"sv,     "Harrison"sv,  "Max"sv,
    "Teddy"sv,    "Tommy"sv,     "Ronnie"sv,    "Reggie"sv,   "Albie"sv,     "Louie"sv,     "Frankie"sv,
    "Ellis"sv,    "Elis"sv,      "Cai"sv,       "Gethin"sv,   "Macsen"sv,    "Ianto"sv,     "Cian"sv,
    "Caio"sv,     "Harri"sv,     "Deio"sv,      "Rhys"sv,     "Evan"sv,      "Jenson"sv,    "Kai"sv,
    "Lucas"sv,    "Luca"sv,      "Mohammed"sv,  "Musa"sv,     "Yusuf"sv,     "Zayn"sv,      "Ibrahim"sv,
    "Adam"sv,     "Aaron"sv,     "Lewis"sv,     "Callum"sv,   "Tyler"sv,     "Kian"sv,      "Brody"sv,
    "Bobby"sv,    "Billy"sv,     "Carter"sv,    "Cole"sv,     "Elliot"sv,    "Finn"sv,      "Hugo"sv,
    "Jude"sv,     "Rory"sv,      "Sonny"sv,     "Stanley"sv,  "Albert"sv,    "Ezra"sv,      "Felix"sv,
    "Hunter"sv,   "Joel"sv,      "Owen"sv,      "Reuben"sv,   "Seth"sv,      "Toby"sv,      "Zachary"sv,
    "Jakub"sv,    "Filip"sv,     "Gruff"sv,     "Morgan"sv,   "Iestyn"sv,    "Llew"sv,      "Ifan"sv};

constexpr std::array kFamily{
    "Jones"sv,       "Davies"sv,      "Evans"sv,       "Williams"sv,    "Thomas"sv,      "Roberts"sv,
    "Lewis"sv,       "Hughes"sv,      "Morgan"sv,      "Griffiths"sv,   "Edwards"sv,     "Rees"sv,
    "Jenkins"sv,     "Owen"sv,        "Price"sv,       "Phillips"sv,    "Powell"sv,      "James"sv,
    "Morris"sv,      "Richards"sv,    "Lloyd"sv,       "Harris"sv,      "Watkins"sv,     "Pritchard"sv,
    "Bowen"sv,       "Howells"sv,     "Parry"sv,       "Pugh"sv,        "Rowlands"sv,    "Llewellyn"sv,
    "Prosser"sv,     "Vaughan"sv,     "Bevan"sv,       "Meredith"sv,    "Probert"sv,     "Protheroe"sv,
    "Hopkins"sv,     "Walters"sv,     "Matthews"sv,    "Mathias"sv,     "Humphreys"sv,   "Cadwallader"sv,
    "Pryce"sv,       "Beddoe"sv,      "Gittins"sv,     "Maddox"sv,      "Gwilliam"sv,    "Rosser"sv,
    "Jeremy"sv,      "Bowditch"sv,    "Lougher"sv,     "Gronow"sv,      "Bevan-Jones"sv, "Rogers"sv,
    "Smith"sv,       "Brown"sv,       "Taylor"sv,      "Wilson"sv,      "Johnson"sv,     "Wright"sv,
    "Walker"sv,      "White"sv,       "Robinson"sv,    "Thompson"sv,    "Wood"sv,        "Hall"sv,
    "Green"sv,       "Clarke"sv,      "Jackson"sv,     "Hill"sv,        "Turner"sv,      "Moore"sv,
    "Cooper"sv,      "Ward"sv,        "King"sv,        "Baker"sv,       "Harrison"sv,    "Allen"sv,
    "Young"sv,       "Mitchell"sv,    "Carter"sv,      "Martin"sv,      "Anderson"sv,    "Bennett"sv,
    "Collins"sv,     "Cook"sv,        "Bell"sv,        "Shaw"sv,        "Lee"sv,         "Parker"sv,
    "Marshall"sv,    "Stevens"sv,     "Fisher"sv,      "Mason"sv,       "Hunt"sv,        "Palmer"sv,
    "Webb"sv,        "Holmes"sv,      "Mills"sv,       "Dixon"sv,       "Ellis"sv,       "Knight"sv,
    "Fox"sv,         "Rose"sv,        "Gray"sv,        "Lane"sv,        "Hart"sv,        "Spencer"sv,
    "Barnes"sv,      "Chapman"sv,     "Cole"sv,        "Dawson"sv,      "Fletcher"sv,    "Gibson"sv,
    "Hayward"sv,     "Jarvis"sv,      "Kemp"sv,        "Lawrence"sv,    "Nash"sv,        "Osborne"sv,
    "Payne"sv,       "Reynolds"sv,    "Sanders"sv,     "Tucker"sv,      "Wade"sv,        "Yates"sv,
    "Burton"sv,      "Chambers"sv,    "Doyle"sv,       "Murphy"sv,      "Kelly"sv,       "Ryan"sv,
    "Walsh"sv,       "Byrne"sv,       "Kennedy"sv,     "Quinn"sv,       "Sullivan"sv,    "Donovan"sv,
    "Flynn"sv,       "Brennan"sv,     "Gallagher"sv,   "O'Neill"sv,     "O'Brien"sv,     "O'Sullivan"sv,
    "O'Connor"sv,    "O'Leary"sv,     "O'Donnell"sv,   "D'Souza"sv,     "McCarthy"sv,    "McDonald"sv,
    "MacLeod"sv,     "McKenzie"sv,    "McLaughlin"sv,  "Campbell"sv,    "Stewart"sv,     "Murray"sv,
    "Ross"sv,        "Fraser"sv,      "Reid"sv,        "Smith-Jones"sv, "Evans-Thomas"sv, "Davies-Lloyd"sv,
    "Powell-Williams"sv, "Lewis-Hughes"sv, "Jones-Parry"sv, "Pugh-Morgan"sv, "Rees-Howells"sv, "Ali"sv,
    "Khan"sv,        "Ahmed"sv,       "Hussain"sv,     "Begum"sv,       "Patel"sv,       "Singh"sv,
    "Kaur"sv,        "Iqbal"sv,       "Kowalski"sv,    "Nowak"sv,       "Wojcik"sv,      "Mensah"sv,
    "Okafor"sv,      "Adeyemi"sv,     "Silva"sv,       "Santos"sv,      "Popescu"sv,     "Nguyen"sv,
    "Francis"sv,     "Jenkin"sv,      "Gough"sv,       "Hale"sv,        "Cross"sv,       "Sweet"sv,
    "Thorne"sv,      "Vowles"sv,      "Jeffreys"sv,    "Tudor"sv,       "Gwynne"sv,      "Emanuel"sv,
    "Harries"sv,     "Gibbon"sv,      "Jarman"sv,      "Lowe"sv};

constexpr std::array kStreets{
    "Heol y Felin"sv,     "Station Road"sv,     "High Street"sv,       "Bryn Terrace"sv,     "Heol Las"sv,
    "Dunraven Street"sv,  "Tallis Street"sv,    "Gelli Road"sv,        "Cemetery Road"sv,    "Taff Street"sv,
    "Mill Street"sv,      "Berw Road"sv,        "Graigwen Road"sv,     "Cardiff Road"sv,     "Llantrisant Road"sv,
    "Park Street"sv,      "Church Street"sv,    "Bute Street"sv,       "Herbert Street"sv,   "Margaret Street"sv,
    "Commercial Street"sv, "Victoria Street"sv, "Queen Street"sv,      "Oxford Street"sv,    "Bailey Street"sv,
    "Glanffrwd Road"sv,   "Heol y Graig"sv,     "Heol Dowlais"sv,      "Maes y Dderwen"sv,   "Clos y Wern"sv,
    "Ffordd y Mynydd"sv,  "Cwrt y Coed"sv,      "Lon y Parc"sv,        "Heol Pant y Gored"sv, "Bryn Eglwys"sv,
    "Maesycoed Road"sv,   "Tyfica Road"sv,      "Llewellyn Street"sv,  "Brook Street"sv,     "Woodland Terrace"sv,
    "Hillside Avenue"sv,  "Mountain View"sv,    "Railway Terrace"sv,   "Colliery Road"sv,    "Miners Row"sv,
    "Chapel Street"sv,    "Glyn Street"sv,      "Brynhyfryd"sv,        "Heol Gwyrosydd"sv,   "Tan y Bryn"sv,
    "Caemawr Road"sv,     "Tylcha Wen Terrace"sv, "Meadow Close"sv,    "Oak Tree Drive"sv,   "Riverside Court"sv};

// Localities used in address line 2, by town.
constexpr std::array kPontypridd{"Trallwng"sv, "Graig"sv, "Cilfynydd"sv, "Treforest"sv, "Hopkinstown"sv,
                                 "Rhydyfelin"sv, "Glyncoch"sv};
constexpr std::array kAberdare{"Trecynon"sv, "Cwmbach"sv, "Abernant"sv, "Llwydcoed"sv, "Robertstown"sv,
                               "Aberaman"sv, "Godreaman"sv};
constexpr std::array kTonypandy{"Trealaw"sv, "Penygraig"sv, "Clydach Vale"sv, "Llwynypia"sv, "Williamstown"sv};
constexpr std::array kPorth{"Trehafod"sv, "Cymmer"sv, "Ynyshir"sv, "Trebanog"sv};
constexpr std::array kTonyrefail{"Thomastown"sv, "Coedely"sv};
constexpr std::array kTreorchy{"Cwmparc"sv, "Ynyswen"sv};
constexpr std::array kTreherbert{"Tynewydd"sv, "Blaencwm"sv, "Blaenrhondda"sv};
constexpr std::array kLlantrisant{"Talbot Green"sv, "Pontyclun"sv, "Miskin"sv, "Cross Inn"sv};
constexpr std::array kLlanharan{"Brynna"sv, "Llanharry"sv};
constexpr std::array kMountainAsh{"Penrhiwceiber"sv, "Cefnpennar"sv, "Newtown"sv};
constexpr std::array kAbercynon{"Carnetown"sv, "Ynysboeth"sv};
constexpr std::array kFerndale{"Blaenllechau"sv, "Darran Park"sv};
constexpr std::array kTylorstown{"Penrhys"sv, "Pontygwaith"sv};
constexpr std::array kChurchVillage{"Tonteg"sv, "Llantwit Fardre"sv, "Efail Isaf"sv};
constexpr std::array kBeddau{"Tyn y Nant"sv, "Castellau"sv};
constexpr std::array kPentre{"Ton Pentre"sv, "Gelli"sv, "Ystrad"sv};
constexpr std::array kHirwaun{"Penywaun"sv, "Rhigos"sv};
constexpr std::array<std::string_view, 0> kNone{};

// Each town once; its sector digits are the ones Royal Mail uses there, so the postcodes look right locally.
const std::array kTowns{
    Town{"Pontypridd", "East", "CF37", "12345", kPontypridd, 14},
    Town{"Church Village", "East", "CF38", "12", kChurchVillage, 5},
    Town{"Beddau", "East", "CF38", "2", kBeddau, 4},
    Town{"Aberdare", "North", "CF44", "0678", kAberdare, 14},
    Town{"Hirwaun", "North", "CF44", "9", kHirwaun, 3},
    Town{"Mountain Ash", "North", "CF45", "34", kMountainAsh, 6},
    Town{"Abercynon", "North", "CF45", "4", kAbercynon, 3},
    Town{"Tonypandy", "West", "CF40", "12", kTonypandy, 8},
    Town{"Treorchy", "West", "CF42", "6", kTreorchy, 5},
    Town{"Treherbert", "West", "CF42", "5", kTreherbert, 4},
    Town{"Pentre", "West", "CF41", "7", kPentre, 4},
    Town{"Porth", "Central", "CF39", "09", kPorth, 6},
    Town{"Ferndale", "Central", "CF43", "34", kFerndale, 4},
    Town{"Maerdy", "Central", "CF43", "4", kNone, 2},
    Town{"Tylorstown", "Central", "CF43", "3", kTylorstown, 3},
    Town{"Llantrisant", "South", "CF72", "89", kLlantrisant, 6},
    Town{"Llanharan", "South", "CF72", "9", kLlanharan, 3},
    Town{"Tonyrefail", "South", "CF39", "8", kTonyrefail, 5},
};
// clang-format on
}  // namespace

std::span<const std::string_view> AdultFemaleNames() { return kAdultFemale; }
std::span<const std::string_view> AdultMaleNames() { return kAdultMale; }
std::span<const std::string_view> ChildFemaleNames() { return kChildFemale; }
std::span<const std::string_view> ChildMaleNames() { return kChildMale; }
std::span<const std::string_view> FamilyNames() { return kFamily; }
std::span<const std::string_view> StreetNames() { return kStreets; }
std::span<const Town> Towns() { return kTowns; }

}  // namespace hearth::demo
