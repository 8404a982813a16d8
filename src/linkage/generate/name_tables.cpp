#include "linkage/generate/name_tables.hpp"

#include <array>

namespace hearth::linkage::generate {
namespace {
using namespace std::string_view_literals;

// Plain ASCII spellings throughout. Weights are rough shares of the whole population (all ages), not of one
// birth year, so older names (Margaret, Kenneth) sit beside recent ones (Olivia, Alfie).
// clang-format off
constexpr WeightedName kFemale[] = {
    {"Susan", 90}, {"Sarah", 100}, {"Margaret", 85}, {"Elizabeth", 80}, {"Mary", 75}, {"Patricia", 55},
    {"Linda", 45}, {"Karen", 60}, {"Julie", 60}, {"Helen", 65}, {"Emma", 80}, {"Claire", 60}, {"Nicola", 55},
    {"Lisa", 55}, {"Joanne", 50}, {"Michelle", 50}, {"Rachel", 55}, {"Laura", 65}, {"Rebecca", 60},
    {"Jennifer", 45}, {"Catherine", 45}, {"Katherine", 35}, {"Jane", 50}, {"Ann", 40}, {"Anne", 40},
    {"Christine", 50}, {"Carol", 40}, {"Janet", 40}, {"Barbara", 40}, {"Jean", 35}, {"Joan", 30},
    {"Dorothy", 25}, {"Doris", 12}, {"Joyce", 18}, {"Pauline", 30}, {"Sandra", 35}, {"Gillian", 30},
    {"Deborah", 35}, {"Alison", 35}, {"Amanda", 40}, {"Tracey", 35}, {"Sharon", 35}, {"Dawn", 25},
    {"Kelly", 35}, {"Gemma", 40}, {"Stacey", 25}, {"Kirsty", 25}, {"Hayley", 25}, {"Amy", 50},
    {"Natalie", 35}, {"Samantha", 40}, {"Charlotte", 60}, {"Victoria", 45}, {"Hannah", 55}, {"Jessica", 50},
    {"Lauren", 45}, {"Sophie", 55}, {"Chloe", 50}, {"Megan", 45}, {"Olivia", 55}, {"Amelia", 45}, {"Isla", 30},
    {"Ava", 30}, {"Emily", 60}, {"Grace", 40}, {"Lily", 40}, {"Mia", 30}, {"Freya", 30}, {"Ella", 30},
    {"Poppy", 25}, {"Isabella", 25}, {"Evie", 25}, {"Sophia", 25}, {"Florence", 20}, {"Ruby", 30},
    {"Alice", 35}, {"Phoebe", 20}, {"Matilda", 15}, {"Rosie", 20}, {"Daisy", 20}, {"Holly", 30},
    {"Millie", 25}, {"Ellie", 30}, {"Katie", 35}, {"Lucy", 45}, {"Bethan", 20}, {"Rhian", 15}, {"Sian", 20},
    {"Ceri", 10}, {"Catrin", 12}, {"Cerys", 15}, {"Carys", 12}, {"Ffion", 12}, {"Nia", 10}, {"Lowri", 10},
    {"Angharad", 8}, {"Eleri", 6}, {"Seren", 10}, {"Mali", 6}, {"Elin", 10}, {"Gwenllian", 4}, {"Heledd", 4},
    {"Aisha", 15}, {"Fatima", 15}, {"Ayesha", 10}, {"Zainab", 8}, {"Maryam", 10}, {"Anna", 35},
    {"Agnieszka", 6}, {"Katarzyna", 6}, {"Siobhan", 12}, {"Niamh", 12}, {"Aoife", 6}, {"Shona", 8},
    {"Eilidh", 6}, {"Kathleen", 25}, {"Irene", 20}, {"Sheila", 25}, {"Valerie", 20}, {"Brenda", 18},
    {"Maureen", 22}, {"Eileen", 18}, {"Shirley", 18}, {"Marion", 15}, {"Wendy", 22}, {"Hazel", 18},
    {"Lesley", 20}, {"Fiona", 25}, {"Heather", 22}, {"Andrea", 20}, {"Angela", 35}, {"Diane", 30},
    {"Denise", 22}, {"Lorraine", 22}, {"Tina", 15}, {"Donna", 25}, {"Louise", 45}, {"Zoe", 30},
    {"Abigail", 30}, {"Leah", 25}, {"Jasmine", 20}, {"Layla", 15}, {"Scarlett", 15}, {"Harper", 8},
    {"Willow", 10}, {"Ivy", 10}, {"Esme", 8}, {"Elsie", 10}, {"Eleanor", 30}, {"Jacqueline", 30},
    {"Josephine", 15}, {"Pamela", 25}, {"Alexandra", 20}, {"Kimberley", 15}, {"Natasha", 15}, {"Caroline", 30},
    {"Harriet", 15}, {"Georgia", 25}, {"Imogen", 15}, {"Molly", 25}, {"Erin", 20}, {"Jade", 25},
};

constexpr WeightedName kMale[] = {
    {"David", 130}, {"John", 125}, {"Michael", 100}, {"Paul", 90}, {"Andrew", 85}, {"Peter", 70}, {"James", 100},
    {"Robert", 80}, {"Mark", 70}, {"Richard", 70}, {"Stephen", 60}, {"Steven", 30}, {"Christopher", 75},
    {"Thomas", 80}, {"Daniel", 70}, {"William", 65}, {"Anthony", 45}, {"Ian", 40}, {"Matthew", 60},
    {"Gareth", 25}, {"Simon", 35}, {"Alan", 40}, {"Kevin", 35}, {"Brian", 30}, {"George", 45},
    {"Jonathan", 35}, {"Gary", 35}, {"Martin", 35}, {"Colin", 25}, {"Graham", 25}, {"Keith", 25}, {"Adam", 40},
    {"Philip", 30}, {"Lee", 25}, {"Jason", 25}, {"Neil", 25}, {"Stuart", 25}, {"Darren", 25}, {"Craig", 25},
    {"Ryan", 35}, {"Benjamin", 40}, {"Samuel", 40}, {"Jack", 50}, {"Harry", 40}, {"Oliver", 50},
    {"Charlie", 30}, {"Alfie", 25}, {"Joshua", 45}, {"Luke", 35}, {"Liam", 30}, {"Nathan", 30}, {"Jamie", 30},
    {"Dean", 18}, {"Carl", 18}, {"Wayne", 15}, {"Shaun", 15}, {"Sean", 20}, {"Scott", 25}, {"Kenneth", 25},
    {"Raymond", 22}, {"Ronald", 18}, {"Roy", 12}, {"Derek", 15}, {"Dennis", 12}, {"Terence", 12},
    {"Barry", 18}, {"Geoffrey", 15}, {"Trevor", 15}, {"Roger", 15}, {"Malcolm", 15}, {"Frank", 12},
    {"Harold", 10}, {"Arthur", 20}, {"Albert", 10}, {"Frederick", 10}, {"Edward", 35}, {"Charles", 30},
    {"Henry", 30}, {"Joseph", 40}, {"Patrick", 20}, {"Francis", 10}, {"Leslie", 10}, {"Stanley", 8},
    {"Norman", 12}, {"Eric", 12}, {"Ernest", 6}, {"Walter", 6}, {"Douglas", 12}, {"Gordon", 12},
    {"Donald", 10}, {"Alexander", 35}, {"Nicholas", 30}, {"Timothy", 20}, {"Jeremy", 10}, {"Julian", 8},
    {"Rhys", 20}, {"Dafydd", 8}, {"Huw", 8}, {"Gwyn", 5}, {"Emyr", 4}, {"Aled", 5}, {"Owain", 6}, {"Iwan", 5},
    {"Geraint", 6}, {"Gethin", 6}, {"Dylan", 20}, {"Osian", 6}, {"Tomos", 6}, {"Cai", 5}, {"Ioan", 5},
    {"Evan", 10}, {"Noah", 25}, {"Leo", 20}, {"Theo", 15}, {"Oscar", 20}, {"Archie", 20}, {"Freddie", 15},
    {"Max", 15}, {"Jacob", 25}, {"Ethan", 25}, {"Mason", 15}, {"Logan", 12}, {"Lucas", 12}, {"Isaac", 12},
    {"Toby", 15}, {"Finley", 12}, {"Callum", 20}, {"Connor", 20}, {"Kieran", 15}, {"Jordan", 18},
    {"Bradley", 15}, {"Aaron", 18}, {"Kyle", 15}, {"Lewis", 25}, {"Elliot", 12}, {"Reece", 12},
    {"Mohammed", 25}, {"Muhammad", 20}, {"Ali", 10}, {"Ahmed", 10}, {"Hassan", 8}, {"Imran", 8}, {"Tariq", 5},
    {"Omar", 8}, {"Piotr", 6}, {"Tomasz", 6}, {"Krzysztof", 4}, {"Marcin", 4}, {"Declan", 8}, {"Niall", 6},
    {"Ciaran", 6}, {"Hamish", 4}, {"Angus", 5}, {"Fraser", 5}, {"Euan", 6}, {"Gregory", 10}, {"Dominic", 12},
    {"Vincent", 8}, {"Gerald", 8}, {"Victor", 6}, {"Rhodri", 5}, {"Ieuan", 4},
};

constexpr WeightedName kSurnames[] = {
    {"Smith", 1260}, {"Jones", 920}, {"Williams", 640}, {"Taylor", 600}, {"Brown", 570}, {"Davies", 530},
    {"Evans", 380}, {"Wilson", 390}, {"Thomas", 360}, {"Johnson", 350}, {"Roberts", 350}, {"Robinson", 300},
    {"Thompson", 290}, {"Wright", 290}, {"Walker", 280}, {"White", 270}, {"Edwards", 260}, {"Hughes", 260},
    {"Green", 250}, {"Hall", 250}, {"Lewis", 240}, {"Harris", 240}, {"Clarke", 230}, {"Patel", 230},
    {"Jackson", 220}, {"Wood", 210}, {"Turner", 200}, {"Martin", 200}, {"Cooper", 200}, {"Hill", 200},
    {"Ward", 190}, {"Morris", 190}, {"Moore", 190}, {"Clark", 190}, {"Lee", 190}, {"King", 190}, {"Baker", 190},
    {"Harrison", 180}, {"Morgan", 180}, {"Allen", 170}, {"James", 170}, {"Scott", 170}, {"Phillips", 170},
    {"Watson", 170}, {"Davis", 170}, {"Parker", 160}, {"Price", 160}, {"Bennett", 160}, {"Young", 160},
    {"Griffiths", 160}, {"Mitchell", 160}, {"Kelly", 160}, {"Cook", 150}, {"Carter", 150}, {"Richardson", 150},
    {"Bailey", 150}, {"Collins", 150}, {"Bell", 150}, {"Shaw", 150}, {"Murphy", 140}, {"Miller", 140},
    {"Cox", 140}, {"Richards", 140}, {"Khan", 140}, {"Marshall", 140}, {"Anderson", 140}, {"Simpson", 130},
    {"Ellis", 130}, {"Adams", 130}, {"Singh", 130}, {"Begum", 130}, {"Wilkinson", 130}, {"Foster", 130},
    {"Chapman", 130}, {"Powell", 130}, {"Webb", 130}, {"Rogers", 120}, {"Gray", 120}, {"Mason", 120},
    {"Ali", 120}, {"Hunt", 120}, {"Hussain", 120}, {"Campbell", 120}, {"Matthews", 120}, {"Owen", 120},
    {"Palmer", 120}, {"Holmes", 120}, {"Mills", 120}, {"Barnes", 120}, {"Knight", 120}, {"Lloyd", 120},
    {"Butler", 120}, {"Russell", 120}, {"Barker", 110}, {"Fisher", 110}, {"Stevens", 110}, {"Jenkins", 110},
    {"Murray", 110}, {"Dixon", 110}, {"Harvey", 110}, {"Graham", 110}, {"Pearson", 110}, {"Ahmed", 110},
    {"Fletcher", 110}, {"Walsh", 110}, {"Kaur", 110}, {"Gibson", 100}, {"Howard", 100}, {"Andrews", 100},
    {"Stewart", 100}, {"Elliott", 100}, {"Reynolds", 100}, {"Saunders", 100}, {"Payne", 100}, {"Fox", 100},
    {"Ford", 100}, {"Pearce", 100}, {"Day", 100}, {"Brooks", 100}, {"West", 100}, {"Lawrence", 100},
    {"Cole", 100}, {"Atkinson", 100}, {"Bradley", 100}, {"Spencer", 100}, {"Gill", 100}, {"Dawson", 90},
    {"Ball", 90}, {"Burton", 90}, {"O'Brien", 90}, {"Watts", 90}, {"Rose", 90}, {"Booth", 90}, {"Perry", 90},
    {"Ryan", 90}, {"Grant", 90}, {"Wells", 90}, {"Armstrong", 90}, {"Francis", 90}, {"Rees", 90}, {"Hayes", 90},
    {"Hart", 90}, {"Hudson", 90}, {"Newman", 90}, {"Barrett", 90}, {"Webster", 90}, {"Hunter", 90},
    {"Gregory", 90}, {"Carr", 90}, {"Lowe", 90}, {"Page", 90}, {"Marsh", 90}, {"Riley", 90}, {"Dunn", 80},
    {"Woods", 80}, {"Parsons", 80}, {"Berry", 80}, {"Stone", 80}, {"Reid", 80}, {"Holland", 80},
    {"Hawkins", 80}, {"Harding", 80}, {"Porter", 80}, {"Robertson", 80}, {"Newton", 80}, {"Oliver", 80},
    {"Reed", 80}, {"Kennedy", 80}, {"Williamson", 80}, {"Bird", 80}, {"Gardner", 80}, {"Shah", 80},
    {"Dean", 80}, {"Lane", 80}, {"Cooke", 80}, {"Bates", 80}, {"Henderson", 80}, {"Parry", 80},
    {"Burgess", 80}, {"Bishop", 80}, {"Walton", 80}, {"Burns", 80}, {"Nicholson", 80}, {"Shepherd", 80},
    {"Ross", 80}, {"Cross", 80}, {"Long", 80}, {"Freeman", 80}, {"Warren", 80}, {"Nicholls", 80},
    {"Hamilton", 80}, {"Byrne", 80}, {"Sutton", 70}, {"McDonald", 70}, {"Yates", 70}, {"Hodgson", 70},
    {"Robson", 70}, {"Curtis", 70}, {"Hopkins", 70}, {"O'Connor", 70}, {"Harper", 70}, {"Coleman", 70},
    {"Watkins", 70}, {"Moss", 70}, {"McCarthy", 70}, {"Chambers", 70}, {"O'Neill", 70}, {"Griffin", 70},
    {"Sharp", 70}, {"Hardy", 70}, {"Wheeler", 70}, {"Potter", 70}, {"Osborne", 70}, {"Johnston", 70},
    {"Gordon", 70}, {"Doyle", 70}, {"Wallace", 70}, {"George", 70}, {"Jordan", 70}, {"Hutchinson", 70},
    {"Rowe", 70}, {"Burke", 70}, {"May", 70}, {"Pritchard", 70}, {"Gilbert", 70}, {"Willis", 60},
    {"Higgins", 60}, {"Read", 60}, {"Miles", 60}, {"Stevenson", 60}, {"Stephenson", 60}, {"Hammond", 60},
    {"Arnold", 60}, {"Buckley", 60}, {"Walters", 60}, {"Hewitt", 60}, {"Barber", 60}, {"Nelson", 60},
    {"Slater", 60}, {"Austin", 60}, {"Sullivan", 60}, {"Whitehead", 60}, {"Mann", 60}, {"Frost", 60},
    {"Lambert", 60}, {"Stephens", 60}, {"Blake", 60}, {"Akhtar", 60}, {"Lynch", 60}, {"Goodwin", 60},
    {"Barton", 60}, {"Woodward", 60}, {"Thomson", 60}, {"Cunningham", 60}, {"Quinn", 60}, {"Barnett", 60},
    {"Baxter", 60}, {"Bibi", 60}, {"Clayton", 60}, {"Nash", 60}, {"Greenwood", 60}, {"Jennings", 60},
    {"Holt", 60}, {"Kemp", 60}, {"Poole", 60}, {"Gallagher", 60}, {"Bartlett", 60}, {"Cartwright", 50},
    {"Howell", 50}, {"Vaughan", 50}, {"Pugh", 50}, {"Jarvis", 50}, {"Bevan", 50}, {"Howells", 50},
    {"Bowen", 50}, {"Llewellyn", 40}, {"Rowlands", 40}, {"Humphreys", 40}, {"Prosser", 30}, {"Probert", 30},
    {"Meredith", 30}, {"Griffith", 30}, {"Owens", 30}, {"Gwynne", 20}, {"Pryce", 20}, {"Preece", 20},
    {"Beynon", 15}, {"Gittins", 15}, {"Hopkin", 15}, {"Cadwallader", 10}, {"Jenkin", 10}, {"Rhys", 15},
    {"Mahmood", 40}, {"Iqbal", 40}, {"Rahman", 40}, {"Islam", 30}, {"Uddin", 30}, {"Miah", 30},
    {"Choudhury", 20}, {"Sharma", 30}, {"Kumar", 30}, {"Nowak", 20}, {"Kowalski", 15}, {"Wisniewski", 10},
    {"Nguyen", 20}, {"Chen", 20}, {"Wang", 20}, {"Li", 20}, {"Okafor", 10}, {"Mensah", 10}, {"Osei", 10},
    {"MacLeod", 25}, {"MacKenzie", 25}, {"Fraser", 30}, {"Douglas", 40}, {"Fitzgerald", 30}, {"Flynn", 30},
    {"Nolan", 30}, {"Brennan", 25}, {"Duffy", 25}, {"Kerr", 30}, {"Boyle", 30}, {"Hastings", 20},
};

constexpr std::string_view kStems[] = {
    "Ash"sv, "Black"sv, "Brad"sv, "Brom"sv, "Cal"sv, "Chad"sv, "Crom"sv, "Dun"sv, "Fair"sv, "Green"sv,
    "Hart"sv, "Hol"sv, "Kings"sv, "Lang"sv, "Mar"sv, "Mid"sv, "Nor"sv, "Red"sv, "Roth"sv, "Shel"sv,
    "Stan"sv, "Thorn"sv, "Wake"sv, "Wal"sv, "West"sv, "Whit"sv, "Wood"sv, "Brook"sv, "Hay"sv, "Hal"sv,
    "Ather"sv, "Bar"sv, "Bent"sv, "Bur"sv, "Cart"sv, "Clay"sv, "Cran"sv, "Dal"sv, "Elm"sv, "Fen"sv,
    "Gar"sv, "Hather"sv, "Hinch"sv, "Kirk"sv, "Lin"sv, "Mel"sv, "Mor"sv, "Oak"sv, "Pen"sv, "Pem"sv,
    "Rad"sv, "Sher"sv, "Skel"sv, "Stap"sv, "Tal"sv, "Tre"sv, "Ux"sv, "Win"sv, "Wolver"sv, "Yar"sv,
};

constexpr std::string_view kEndings[] = {
    "ley"sv, "ford"sv, "ton"sv, "well"sv, "wood"sv, "worth"sv, "field"sv, "by"sv, "ham"sv, "more"sv,
    "combe"sv, "bridge"sv, "dale"sv, "hurst"sv, "stead"sv, "wick"sv, "shaw"sv, "low"sv, "den"sv,
    "thwaite"sv, "cliffe"sv, "gate"sv, "brook"sv, "stone"sv, "wright"sv,
};

constexpr std::string_view kStreetNames[] = {
    "High"sv, "Church"sv, "Station"sv, "Mill"sv, "Park"sv, "Victoria"sv, "Albert"sv, "Queen"sv, "King"sv,
    "New"sv, "Chapel"sv, "School"sv, "Green"sv, "Manor"sv, "Grove"sv, "Bridge"sv, "Castle"sv, "Market"sv,
    "Oak"sv, "Elm"sv, "Ash"sv, "Beech"sv, "Willow"sv, "Cedar"sv, "Maple"sv, "Birch"sv, "Holly"sv, "Rowan"sv,
    "Windsor"sv, "York"sv, "Richmond"sv, "Cambridge"sv, "Oxford"sv, "Grange"sv, "Meadow"sv, "Orchard"sv,
    "Springfield"sv, "Highfield"sv, "Woodland"sv, "Hillside"sv, "Riverside"sv, "Brook"sv, "Forest"sv,
    "Valley"sv, "Mountain"sv, "Heath"sv, "Moor"sv, "Priory"sv, "Abbey"sv, "Cemetery"sv, "Commercial"sv,
    "Dyffryn"sv, "Glan"sv, "Bryn"sv, "Pant"sv, "Cwm"sv, "Tan"sv, "Llewellyn"sv, "Picton"sv, "Tudor"sv,
    "Kingsway"sv, "Broad"sv, "North"sv, "South"sv, "East"sv, "West"sv, "Middle"sv, "Upper"sv, "Lower"sv,
    "Alexandra"sv, "Edward"sv, "George"sv, "William"sv, "Howard"sv, "Stanley"sv, "Nelson"sv, "Wellington"sv,
    "Cromwell"sv, "Gladstone"sv, "Clarence"sv, "Belle Vue"sv, "Mount Pleasant"sv, "St John's"sv,
    "St Mary's"sv, "St David's"sv, "Jubilee"sv, "Coronation"sv, "Railway"sv, "Canal"sv, "Dock"sv, "Quarry"sv,
    "Colliery"sv, "Farm"sv, "Field"sv, "Lime"sv, "Poplar"sv, "Sycamore"sv, "Laurel"sv, "Hawthorn"sv,
};

constexpr StreetType kStreetTypes[] = {
    {"Street", "St"}, {"Road", "Rd"}, {"Lane", "Ln"}, {"Avenue", "Ave"}, {"Close", "Cl"}, {"Drive", "Dr"},
    {"Way", "Wy"}, {"Crescent", "Cres"}, {"Terrace", "Terr"}, {"Gardens", "Gdns"}, {"Place", "Pl"},
    {"Court", "Ct"}, {"View", "Vw"}, {"Hill", "Hl"}, {"Row", "Rw"}, {"Square", "Sq"},
};

constexpr std::string_view kWelshStreets[] = {
    "Heol y Parc"sv, "Heol Isaf"sv, "Heol Uchaf"sv, "Heol y Nant"sv, "Ffordd y Mynydd"sv, "Heol Llan"sv,
    "Heol y Felin"sv, "Stryd Fawr"sv, "Heol yr Ysgol"sv, "Ffordd Las"sv, "Heol Tir Du"sv, "Maes y Dre"sv,
};

constexpr PostcodeArea kAreas[] = {
    {"CF", 83, 60, false}, {"SA", 73, 50, false}, {"NP", 44, 35, false}, {"LL", 78, 30, false},
    {"SY", 25, 15, false}, {"LD", 8, 4, false}, {"B", 99, 60, false}, {"M", 90, 50, false}, {"L", 40, 35, false},
    {"LS", 29, 35, false}, {"S", 99, 35, false}, {"G", 84, 40, false}, {"EH", 55, 30, false},
    {"BS", 49, 35, false}, {"BT", 94, 30, false}, {"CH", 66, 20, false}, {"CV", 47, 20, false},
    {"DE", 75, 20, false}, {"DY", 14, 12, false}, {"HR", 9, 6, false}, {"GL", 56, 18, false},
    {"LE", 67, 25, false}, {"NG", 34, 25, false}, {"NE", 71, 30, false}, {"SR", 8, 8, false},
    {"DH", 9, 8, false}, {"TS", 29, 15, false}, {"HU", 20, 12, false}, {"YO", 62, 15, false},
    {"BD", 24, 15, false}, {"HX", 7, 6, false}, {"HD", 9, 8, false}, {"WF", 17, 12, false},
    {"OL", 16, 10, false}, {"BL", 9, 8, false}, {"WN", 8, 8, false}, {"PR", 26, 12, false},
    {"BB", 18, 12, false}, {"FY", 8, 8, false}, {"LA", 23, 10, false}, {"CA", 28, 8, false},
    {"SK", 23, 15, false}, {"ST", 21, 15, false}, {"WS", 15, 12, false}, {"WV", 16, 12, false},
    {"TF", 13, 8, false}, {"WR", 15, 8, false}, {"OX", 49, 15, false}, {"RG", 45, 20, false},
    {"SN", 26, 12, false}, {"BA", 22, 10, false}, {"TA", 24, 8, false}, {"EX", 39, 12, false},
    {"PL", 35, 12, false}, {"TR", 27, 8, false}, {"TQ", 14, 8, false}, {"DT", 11, 6, false},
    {"BH", 31, 12, false}, {"SO", 53, 15, false}, {"PO", 41, 15, false}, {"GU", 52, 15, false},
    {"BN", 45, 15, false}, {"RH", 20, 12, false}, {"TN", 40, 15, false}, {"ME", 20, 12, false},
    {"CT", 21, 10, false}, {"CM", 24, 15, false}, {"CO", 16, 10, false}, {"IP", 33, 12, false},
    {"NR", 35, 12, false}, {"PE", 38, 15, false}, {"CB", 25, 10, false}, {"SG", 19, 10, false},
    {"AL", 10, 6, false}, {"HP", 27, 10, false}, {"LU", 7, 8, false}, {"MK", 46, 12, false},
    {"NN", 18, 12, false}, {"E", 20, 25, false}, {"N", 22, 20, false}, {"SE", 28, 30, false},
    {"SW", 20, 25, false}, {"W", 14, 15, false}, {"NW", 11, 12, false}, {"EC", 4, 3, true},
    {"WC", 2, 2, true}, {"AB", 56, 12, false}, {"DD", 11, 8, false}, {"KY", 16, 8, false},
    {"IV", 63, 6, false}, {"PH", 50, 5, false}, {"ML", 12, 10, false}, {"KA", 30, 8, false},
};
// clang-format on
}  // namespace

std::span<const WeightedName> FemaleGivenNames() { return kFemale; }
std::span<const WeightedName> MaleGivenNames() { return kMale; }
std::span<const WeightedName> CommonSurnames() { return kSurnames; }
std::span<const std::string_view> SurnameStems() { return kStems; }
std::span<const std::string_view> SurnameEndings() { return kEndings; }
std::span<const std::string_view> StreetNames() { return kStreetNames; }
std::span<const StreetType> StreetTypes() { return kStreetTypes; }
std::span<const std::string_view> WelshStreetNames() { return kWelshStreets; }
std::span<const PostcodeArea> PostcodeAreas() { return kAreas; }

}  // namespace hearth::linkage::generate
