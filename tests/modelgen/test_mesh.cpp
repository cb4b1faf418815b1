// Small hand-made meshes: closedness, orientation, mirroring, winding numbers, the glb container.
#include "fixture.hpp"
#include "geometry.hpp"
#include "glb.hpp"

#include <catch2/catch.hpp>

#include <cstring>

using namespace dorsal::modelgen;

namespace {
// A unit tetrahedron, faces wound outward:
//      3
//     /|\      0 = origin, 1 = +x, 2 = +y, 3 = +z
//    0-+-1
//     \|/
//      2
Mesh tetrahedron() {
    Mesh m;
    m.positions = {{0, 0, 0}, {1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
    m.indices = {0, 2, 1, 0, 1, 3, 0, 3, 2, 1, 2, 3};
    m.fibres.assign(4, {0, 1, 0});
    m.compute_normals();
    return m;
}
}  // namespace

TEST_CASE("a closed tetrahedron has no open edges and positive volume", "[mesh]") {
    Mesh m = tetrahedron();
    CHECK(count_open_or_bad_edges(m) == 0);
    CHECK(m.signed_volume() == Approx(1.0 / 6.0));
    m.flip_winding();
    CHECK(m.signed_volume() < 0.0);
}

TEST_CASE("a missing triangle or a flipped one is found", "[mesh]") {
    Mesh m = tetrahedron();
    Mesh open = m;
    open.indices.resize(9);
    CHECK(count_open_or_bad_edges(open) == 3);
    Mesh flipped = m;
    std::swap(flipped.indices[1], flipped.indices[2]);  // first face wound inward
    CHECK(count_open_or_bad_edges(flipped) == 3);
}

TEST_CASE("mirroring negates x and keeps the mesh outward", "[mesh]") {
    const Mesh m = tetrahedron();
    const Mesh r = mirrored_x(m);
    CHECK(r.positions[1].x == -1.0f);
    CHECK(r.signed_volume() == Approx(m.signed_volume()));
    CHECK(count_open_or_bad_edges(r) == 0);
}

TEST_CASE("winding number is one inside and zero outside", "[mesh]") {
    const Mesh m = tetrahedron();
    CHECK(winding_number(m, {0.1f, 0.1f, 0.1f}) == Approx(1.0).margin(1e-9));
    CHECK(winding_number(m, {1.0f, 1.0f, 1.0f}) == Approx(0.0).margin(1e-9));
}

TEST_CASE("tubes, ellipsoids and slabs are closed and face outward", "[mesh]") {
    const Polyline path = catmull_rom({{0, 0, 0}, {0.02f, 0.05f, 0}, {0, 0.1f, 0.01f}}, 12);
    auto sec = [](int, float) { return Section{0.01f, 0.006f, 2.0f}; };
    auto side = [](int, float) { return glm::vec3(1, 0, 0); };
    const Mesh flat = sweep(path, sec, side, 10, 0.0f, 0.0f);
    const Mesh round = sweep(path, sec, side, 10, 0.003f, 0.003f);
    const Mesh e = ellipsoid({0, 0, 0}, {0.02f, 0, 0}, {0, 0.01f, 0}, {0, 0, 0.03f});
    for (const Mesh* m : {&flat, &round, &e}) {
        CHECK(count_open_or_bad_edges(*m) == 0);
        CHECK(m->signed_volume() > 0.0);
    }
    CHECK(e.signed_volume() == Approx(4.0 / 3.0 * M_PI * 0.02 * 0.01 * 0.03).epsilon(0.1));
    std::vector<Polyline> top(3), bottom(3);
    std::vector<std::vector<glm::vec3>> fib(3, std::vector<glm::vec3>(4, {1, 0, 0}));
    for (int i = 0; i < 3; ++i)
        for (int j = 0; j < 4; ++j) {
            top[i].push_back({0.01f * i, 0.01f * j, 0.002f});
            bottom[i].push_back({0.01f * i, 0.01f * j, -0.002f});
        }
    const Mesh s = slab(top, bottom, fib);
    CHECK(count_open_or_bad_edges(s) == 0);
    CHECK(s.signed_volume() == Approx(0.02 * 0.03 * 0.004).epsilon(0.01));
}

TEST_CASE("the glb container has the right header and chunk layout", "[glb]") {
    Model model;
    model.nodes.push_back({"dorsal_back", -1, {1}});
    model.nodes.push_back({"skin", 0, {}});
    model.meshes.push_back({"skin", Material::Skin, tetrahedron()});
    const auto bytes = encode_glb(model);
    REQUIRE(bytes.size() > 28);
    auto u32 = [&](std::size_t at) {
        std::uint32_t v;
        std::memcpy(&v, bytes.data() + at, 4);
        return v;
    };
    CHECK(u32(0) == 0x46546C67u);
    CHECK(u32(4) == 2u);
    CHECK(u32(8) == bytes.size());
    const std::uint32_t json_len = u32(12);
    CHECK(u32(16) == 0x4E4F534Au);
    CHECK(json_len % 4 == 0);
    CHECK(u32(20 + json_len + 4) == 0x004E4942u);
    const std::string json(bytes.begin() + 20, bytes.begin() + 20 + json_len);
    CHECK_THAT(json, Catch::Contains("\"TANGENT\"") && Catch::Contains("\"alphaMode\":\"BLEND\"") &&
                         Catch::Contains("\"name\":\"skin\""));
    CHECK(encode_glb(model) == bytes);
}

TEST_CASE("tubes carry a stripe coordinate: the distance round each ring, the same count of stripes from end to end", "[mesh]") {
    // Four rings of eight points round the y axis, radius 1 cm at both ends and 2 cm in the middle.
    std::vector<Polyline> rings;
    for (float radius : {0.01f, 0.02f, 0.02f, 0.01f}) {
        Polyline ring;
        for (int k = 0; k < 8; ++k) {
            const float a = static_cast<float>(k) * static_cast<float>(M_PI) / 4.0f;
            ring.push_back({radius * std::cos(a), 0.01f * static_cast<float>(rings.size()), radius * std::sin(a)});
        }
        rings.push_back(ring);
    }
    const Mesh m = tube(rings, std::vector<glm::vec3>(4, {0, 1, 0}), Cap::Pole, Cap::Pole, {0, -0.005f, 0}, {0, 0.035f, 0});
    REQUIRE(m.stripes.size() == m.positions.size());
    // A ring of radius r, eight chords long: its length is 16 r sin(pi/8); the mean of the four.
    const float mean_length = 16.0f * 0.015f * std::sin(static_cast<float>(M_PI) / 8.0f);
    for (std::size_t r = 0; r < 4; ++r) {
        CHECK(m.stripes[r * 8] == 0.0f);
        // Halfway round is half the mean length on every ring, however wide it is.
        CHECK(m.stripes[r * 8 + 4] == Approx(0.5f * mean_length));
        for (int k = 1; k < 8; ++k) CHECK(m.stripes[r * 8 + static_cast<std::size_t>(k)] > m.stripes[r * 8 + static_cast<std::size_t>(k) - 1]);
    }
}

TEST_CASE("the built-in model's muscles carry stripes, written as TEXCOORD_0; bones do not", "[glb]") {
    const NamedMesh* muscle = test::model().find_mesh("muscle.trapezius_descending.L");
    REQUIRE(muscle != nullptr);
    CHECK(muscle->mesh.stripes.size() == muscle->mesh.positions.size());
    const auto bytes = encode_glb(test::model());
    std::uint32_t json_length = 0;
    std::memcpy(&json_length, bytes.data() + 12, 4);
    const std::string json(reinterpret_cast<const char*>(bytes.data()) + 20, json_length);
    CHECK(json.find("\"TEXCOORD_0\"") != std::string::npos);
    Model bone_only;
    bone_only.nodes.push_back({"bone.test", 0, {}});
    Mesh m = tube({{{0, 0, 0}, {0.01f, 0, 0}, {0, 0, 0.01f}}, {{0, 0.01f, 0}, {0.01f, 0.01f, 0}, {0, 0.01f, 0.01f}}},
                  {{0, 1, 0}, {0, 1, 0}}, Cap::Flat, Cap::Flat);
    bone_only.meshes.push_back({"bone.test", Material::Bone, m});
    const auto bone_bytes = encode_glb(bone_only);
    CHECK(std::string(bone_bytes.begin(), bone_bytes.end()).find("TEXCOORD_0") == std::string::npos);
}
