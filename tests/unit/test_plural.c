/*
 * test_plural.c: amp_schema_plural against the npm package pluralize 8.0.0,
 * which the GraphQL transformer uses for list query names. The expected
 * plurals were produced by that package.
 */
#include <stdbool.h>
#include <stddef.h>

#include "amp_model.h"
#include "amp_test.h"

bool amp_schema_plural(const char *word, char *out, size_t cap);
bool amp_schema_plural_of(const amp_model *m, const char *word, char *out, size_t cap);

static const char *const cases[][2] = {
    {"Post", "Posts"},
    {"Todo", "Todos"},
    {"Category", "Categories"},
    {"Status", "Statuses"},
    {"Person", "People"},
    {"People", "People"},
    {"Setting", "Settings"},
    {"Settings", "Settings"},
    {"BlogPost", "BlogPosts"},
    {"Address", "Addresses"},
    {"Box", "Boxes"},
    {"Quiz", "Quizzes"},
    {"Schema", "Schemata"},
    {"Human", "Humans"},
    {"Woman", "Women"},
    {"Salesman", "Salesmen"},
    {"PostMan", "PostMen"},
    {"News", "News"},
    {"Media", "Media"},
    {"Series", "Series"},
    {"Equipment", "Equipment"},
    {"Information", "Information"},
    {"UserInformation", "UserInformations"},
    {"Datum", "Data"},
    {"Data", "Data"},
    {"Metadata", "Metadata"},
    {"Focus", "Foci"},
    {"Radius", "Radii"},
    {"Virus", "Viri"},
    {"Cactus", "Cacti"},
    {"Bonus", "Bonuses"},
    {"Campus", "Campuses"},
    {"Atlas", "Atlases"},
    {"Alias", "Aliases"},
    {"Gas", "Gases"},
    {"Pizza", "Pizzas"},
    {"Pizzas", "Pizzas"},
    {"Area", "Areas"},
    {"Areas", "Areas"},
    {"Idea", "Ideas"},
    {"Program", "Programs"},
    {"Menu", "Menus"},
    {"Menus", "Menus"},
    {"Emu", "Emus"},
    {"Index", "Indices"},
    {"Vertex", "Vertices"},
    {"Matrix", "Matrices"},
    {"Appendix", "Appendices"},
    {"Codex", "Codices"},
    {"Mouse", "Mice"},
    {"Mice", "Mice"},
    {"ComputerMouse", "ComputerMouses"},
    {"Knife", "Knives"},
    {"Wife", "Wives"},
    {"Life", "Lives"},
    {"Leaf", "Leaves"},
    {"Wolf", "Wolves"},
    {"Hoof", "Hooves"},
    {"Roof", "Roofs"},
    {"Elf", "Elves"},
    {"Half", "Halves"},
    {"Shelf", "Shelves"},
    {"Money", "Monies"},
    {"Key", "Keys"},
    {"Day", "Days"},
    {"Boy", "Boys"},
    {"Toy", "Toys"},
    {"Soliloquy", "Soliloquies"},
    {"Query", "Queries"},
    {"Entry", "Entries"},
    {"Company", "Companies"},
    {"City", "Cities"},
    {"Analysis", "Analyses"},
    {"Thesis", "Theses"},
    {"Crisis", "Crises"},
    {"Criterion", "Criteria"},
    {"Phenomenon", "Phenomena"},
    {"Automaton", "Automata"},
    {"Curriculum", "Curricula"},
    {"Millennium", "Millennia"},
    {"Bacterium", "Bacteria"},
    {"Stratum", "Strata"},
    {"Hero", "Heroes"},
    {"Potato", "Potatoes"},
    {"Tomato", "Tomatoes"},
    {"Photo", "Photos"},
    {"Video", "Videos"},
    {"Audio", "Audio"},
    {"Radio", "Radios"},
    {"Echo", "Echoes"},
    {"Child", "Children"},
    {"Children", "Children"},
    {"Chinese", "Chinese"},
    {"Deer", "Deer"},
    {"Fish", "Fish"},
    {"Catfish", "Catfish"},
    {"Sheep", "Sheep"},
    {"Pox", "Pox"},
    {"Famous", "Famous"},
    {"Measles", "Measles"},
    {"Pokemon", "Pokemon"},
    {"Thou", "You"},
    {"Axis", "Axes"},
    {"Testis", "Testes"},
    {"Iris", "Irises"},
    {"Christmas", "Christmases"},
    {"Process", "Processes"},
    {"Business", "Businesses"},
    {"Class", "Classes"},
    {"Wish", "Wishes"},
    {"Church", "Churches"},
    {"Fizz", "Fizzes"},
    {"Buzz", "Buzzes"},
    {"POST", "POSTS"},
    {"CATEGORY", "CATEGORIES"},
    {"STATUS", "STATUSES"},
    {"Item1", "Item1s"},
    {"Item", "Items"},
    {"Us", "Us"},
    {"Goose", "Geese"},
    {"Foot", "Feet"},
    {"Tooth", "Teeth"},
    {"Ox", "Oxen"},
    {"Die", "Dice"},
    {"Axe", "Axes"},
    {"Passerby", "Passersby"},
    {"Thief", "Thieves"},
    {"Valve", "Valves"},
    {"Bus", "Buses"},
    {"Quorum", "Quora"},
    {"Agenda", "Agenda"},
    {"Alumnus", "Alumni"},
    {"Alumni", "Alumni"},
    {"Alga", "Algae"},
    {"Seraph", "Seraphim"},
    {"Cherub", "Cherubim"},
    {"Dingo", "Dingoes"},
    {"Volcano", "Volcanoes"},
    {"Genus", "Genera"},
    {"Stigma", "Stigmata"},
    {"Me", "Us"},
    {"They", "They"},
    {"Is", "Are"},
    {"Was", "Were"},
    {"Has", "Have"},
    {"This", "These"},
    {"That", "Those"},
    {"Yes", "Yeses"},
    {"Proof", "Proofs"},
    {"Groove", "Grooves"},
    {"Eave", "Eaves"},
    {"Looey", "Looies"},
    {"Carve", "Carves"},
    {"Pickaxe", "Pickaxes"},
    {"Chassis", "Chassis"},
    {"Staff", "Staff"},
    {"Only", "Only"},
    {"You", "You"},
    {"Premises", "Premises"},
    {"TodoItem", "TodoItems"},
    {"OrderLineItem", "OrderLineItems"},
    {"UserProfile", "UserProfiles"},
    {"Comment", "Comments"},
    {"Reply", "Replies"},
    {"Like", "Likes"},
    {"Chat", "Chats"},
    {"Message", "Messages"},
    {"Conversation", "Conversations"},
    {"Dish", "Dishes"},
    {"Match", "Matches"},
    {"Batch", "Batches"},
    {"Inventory", "Inventories"},
    {"Library", "Libraries"},
    {"Survey", "Surveys"},
    {"Journey", "Journeys"},
    {"Attorney", "Attorneys"},
    {"Valley", "Valleys"},
    {"Monkey", "Monkeys"},
    {"Galaxy", "Galaxies"},
    {"Taxi", "Taxis"},
    {"Ski", "Skis"},
    {"Zoo", "Zoos"},
    {"Tattoo", "Tattoos"},
    {"Studio", "Studios"},
    {"Portfolio", "Portfolios"},
    {"Hello", "Hellos"},
    {"Gallery", "Galleries"},
    {"Story", "Stories"},
    {"Status2", "Status2s"},
    {"Bonuses", "Bonuses"},
    {"Statuses", "Statuses"},
    {"Analyses", "Analyses"},
    {"Leaves", "Leaves"},
    {"Wolves", "Wolves"},
    {"Knives", "Knives"},
    {"Canvas", "Canvas"},
    {"Lens", "Lens"},
    {"Plus", "Pluses"},
    {"Minus", "Minuses"},
    {"Corpus", "Corpuses"},
    {"Opus", "Opuses"},
    {"Nexus", "Nexuses"},
    {"Octopus", "Octopuses"},
    {"Platypus", "Platypuses"},
    {"Census", "Censuses"},
    {"Apparatus", "Apparatuses"},
    {"Prospectus", "Prospectuses"},
    {"Syllabus", "Syllabi"},
    {"Fungus", "Fungi"},
    {"Nucleus", "Nuclei"},
    {"Stimulus", "Stimuli"},
    {"Terminus", "Termini"},
    {"Bacillus", "Bacilli"},
    {"Locus", "Loci"},
    {"Uterus", "Uteri"},
    {"Zeus", "Zeuses"},
    {"Genre", "Genres"},
    {"Movie", "Movies"},
    {"Twelve", "Twelves"},
    {"Abuse", "Abuses"},
    {"Vertebra", "Vertebrae"},
    {"Addendum", "Addenda"},
    {"Erratum", "Errata"},
    {"Ovum", "Ova"},
    {"Symposium", "Symposia"},
    {"Desideratum", "Desiderata"},
    {"Candelabrum", "Candelabra"},
    {"Extremum", "Extrema"},
    {"Quota", "Quotas"},
    {"Organon", "Organa"},
    {"Hedron", "Hedra"},
    {"Polyhedron", "Polyhedra"},
    {"Aphelion", "Aphelia"},
    {"Perihelion", "Perihelia"},
    {"Noumenon", "Noumena"},
    {"Prolegomenon", "Prolegomena"},
    {"Hyperbaton", "Hyperbata"},
    {"Asyndeton", "Asyndeta"},
    {"Tree", "Trees"},
    {"Free", "Frees"},
    {"Ese", "Eses"},
    {"Obese", "Obese"},
    {"Geese", "Geese"},
    {"Japanese", "Japanese"},
    {"Cheese", "Cheeses"},
    {"Man", "Men"},
    {"Men", "Men"},
    {"Human", "Humans"},
    {"Humans", "Humans"},
    {"Germany", "Germanies"},
    {"Eye", "Eyes"},
    {"Bye", "Byes"},
    {"Guy", "Guys"},
    {"Buy", "Buys"},
    {"Tray", "Trays"},
    {"Ray", "Rays"},
    {"Spy", "Spies"},
    {"Fly", "Flies"},
    {"A", "AS"},
    {"S", "S"},
    {"Ss", "Sses"},
};

static void test_pluralize_table(void)
{
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char out[256];
        AMP_CHECK(amp_schema_plural(cases[i][0], out, sizeof out));
        AMP_CHECK_STR(out, cases[i][1]);
    }
}

static void test_limits(void)
{
    char out[8];
    AMP_CHECK(!amp_schema_plural("", out, sizeof out));
    AMP_CHECK(!amp_schema_plural("Caf\xc3\xa9", out, sizeof out));
    AMP_CHECK(!amp_schema_plural("LongModelName", out, sizeof out));
    AMP_CHECK(amp_schema_plural("Post", out, sizeof out));
    AMP_CHECK_STR(out, "Posts");
}

/* The plurals a model remembers are the same as computed ones, asked once
 * or again, and after the model is rebuilt (which carries the memo over). */
static void test_memo(void)
{
    amp_model *m = amp_model_build(NULL, 0);
    AMP_CHECK(m != NULL);
    for (int round = 0; m && round < 3; round++) {
        for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
            char out[256];
            AMP_CHECK(amp_schema_plural_of(m, cases[i][0], out, sizeof out));
            AMP_CHECK_STR(out, cases[i][1]);
        }
        char small[8];
        AMP_CHECK(!amp_schema_plural_of(m, "LongModelName", small, sizeof small));
        AMP_CHECK(!amp_schema_plural_of(m, "Caf\xc3\xa9", small, sizeof small));
        AMP_CHECK(amp_schema_plural_of(m, "Category", small, sizeof small) == false);
        AMP_CHECK(m->name_memo != NULL);
        if (round == 1)
            m = amp_model_rebuild(NULL, 0, m);
    }
    amp_model_delete(m);
}

int main(void)
{
    AMP_RUN(test_pluralize_table);
    AMP_RUN(test_limits);
    AMP_RUN(test_memo);
    return amp_test_summary();
}
