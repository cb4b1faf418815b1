// Landmark files: parsing, error messages, and the shipped data.
#include "fixture.hpp"

#include <catch2/catch.hpp>

#include <cmath>

using namespace dorsal::modelgen;

TEST_CASE("landmark CSV parses names, coordinates and basis", "[landmarks]") {
    Landmarks lm;
    lm.parse_csv("name,x,y,z,basis\n# comment\n\nrib_1.head.L,0.01,1.4,-0.02,from rib_1.head, 2 mm up\n", "added.csv");
    REQUIRE(lm.size() == 1);
    const Landmark* p = lm.find("rib_1.head.L");
    REQUIRE(p != nullptr);
    CHECK(p->position.y == Approx(1.4f));
    CHECK(p->basis == "from rib_1.head, 2 mm up");
    CHECK(p->line == 4);
}

TEST_CASE("landmark CSV errors name the file and line", "[landmarks]") {
    Landmarks lm;
    SECTION("bad header") {
        CHECK_THROWS_WITH(lm.parse_csv("nom,x,y,z\n", "a.csv"), Catch::Contains("a.csv:1") && Catch::Contains("header"));
    }
    SECTION("not a number") {
        CHECK_THROWS_WITH(lm.parse_csv("name,x,y,z\nskull.vertex,0,abc,0\n", "b.csv"),
                          Catch::Contains("b.csv:2") && Catch::Contains("abc"));
    }
    SECTION("missing column") {
        CHECK_THROWS_WITH(lm.parse_csv("name,x,y,z\nskull.vertex,0,1\n", "c.csv"), Catch::Contains("c.csv:2"));
    }
    SECTION("duplicate") {
        CHECK_THROWS_WITH(lm.parse_csv("name,x,y,z\nskull.vertex,0,1,0\nskull.vertex,0,1,0\n", "d.csv"),
                          Catch::Contains("d.csv:3") && Catch::Contains("twice"));
    }
    SECTION("empty basis") {
        CHECK_THROWS_WITH(lm.parse_csv("name,x,y,z,basis\nskull.vertex,0,1,0,\n", "e.csv"),
                          Catch::Contains("e.csv:2") && Catch::Contains("basis"));
    }
    SECTION("missing file") {
        CHECK_THROWS_WITH(lm.load_csv("/nonexistent/landmarks.csv"), Catch::Contains("/nonexistent/landmarks.csv"));
    }
    SECTION("missing landmark") {
        CHECK_THROWS_WITH(lm.get("sternum.nothing"), Catch::Contains("sternum.nothing"));
    }
}

TEST_CASE("shipped landmark files: measured ones untouched, added ones mirrored and explained", "[landmarks]") {
    const Landmarks& lm = test::landmarks();
    CHECK(lm.size() > 349);
    int measured = 0;
    for (const Landmark* p : lm.all()) {
        if (p->basis.empty()) {
            ++measured;
        } else {
            CHECK(p->basis.size() > 10);
        }
        // Left and right are exact mirror images; midline points sit at x = 0.
        const std::string& n = p->name;
        if (n.size() > 2 && n.compare(n.size() - 2, 2, ".L") == 0) {
            const Landmark* r = lm.find(n.substr(0, n.size() - 2) + ".R");
            REQUIRE(r != nullptr);
            CHECK(r->position.x == -p->position.x);
            CHECK(r->position.y == p->position.y);
            CHECK(r->position.z == p->position.z);
            CHECK(p->position.x > 0.0f);
        } else if (n.size() > 2 && n.compare(n.size() - 2, 2, ".R") == 0) {
            CHECK(lm.find(n.substr(0, n.size() - 2) + ".L") != nullptr);
        } else {
            CHECK(p->position.x == 0.0f);
        }
    }
    CHECK(measured == 417);
    for (const char* name : {"sternum.jugular_notch", "sternum.angle", "sternum.xiphoid_tip", "coccyx.tip",
                             "sternum.costal_notch_1.L", "hip_bone.aiis.L"}) {
        INFO(name);
        CHECK(lm.has(name));
    }
}

TEST_CASE("the attachment table names muscles, ends and known landmarks, with a source", "[landmarks]") {
    Landmarks lm;
    lm.set("hip_bone.psis.L", glm::vec3(0.05f, 1.0f, -0.1f));
    Attachments a;
    a.parse_csv("# comment\nmuscle,end,landmark,source\n\ngluteus_maximus,origin,hip_bone.psis.L,Gray's Anatomy, 42nd ed.\n",
                "at.csv", lm);
    REQUIRE(a.all().size() == 1);
    CHECK(a.all()[0].source == "Gray's Anatomy, 42nd ed.");
    CHECK(a.all()[0].line == 4);
    CHECK(a.of("gluteus_maximus", "origin") == std::vector<std::string>{"hip_bone.psis.L"});
    CHECK(a.of("gluteus_maximus", "insertion").empty());
    CHECK(a.has_muscle("gluteus_maximus"));
    CHECK_FALSE(a.has_muscle("psoas_major"));

    SECTION("errors name the file and the line") {
        Attachments b;
        CHECK_THROWS_WITH(b.parse_csv("muscle,landmark\n", "h.csv", lm), Catch::Contains("h.csv:1") && Catch::Contains("header"));
        CHECK_THROWS_WITH(b.parse_csv("muscle,end,landmark,source\npsoas_major,middle,hip_bone.psis.L,x\n", "e.csv", lm),
                          Catch::Contains("e.csv:2") && Catch::Contains("origin or insertion"));
        CHECK_THROWS_WITH(b.parse_csv("muscle,end,landmark,source\npsoas_major,origin,femur.nowhere.L,x\n", "l.csv", lm),
                          Catch::Contains("l.csv:2") && Catch::Contains("femur.nowhere.L"));
        CHECK_THROWS_WITH(b.parse_csv("muscle,end,landmark,source\npsoas_major,origin,hip_bone.psis.L,\n", "s.csv", lm),
                          Catch::Contains("s.csv:2") && Catch::Contains("source"));
        CHECK_THROWS_WITH(b.parse_csv("", "empty.csv", lm), Catch::Contains("empty.csv") && Catch::Contains("empty"));
    }
}
