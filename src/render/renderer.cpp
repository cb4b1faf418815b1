#include "render/renderer.h"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <utility>

#include <glm/gtc/packing.hpp>
#include <glm/gtc/type_ptr.hpp>

#include "core/detail.h"
#include "core/shapes.h"

namespace dorsal {

namespace {

constexpr int kWantedSamples = 4;
// A scene in motion on a software renderer: drawn at 1/kMovingDivisor of its size across and down.
constexpr int kMovingDivisor = 2;

// 24 bytes: directions as three signed 10-bit numbers each (GL_INT_2_10_10_10_REV), plenty for
// light and fibre stripes, where three floats took 40 bytes; a software renderer's GPU memory is
// the process's own.
struct Vertex {
    glm::vec3 position;
    std::uint32_t normal;  // packSnorm3x10_1x2
    std::uint32_t fibre;   // packSnorm3x10_1x2
    float stripe;          // distance across the fibres (metres), when the part has it
};
static_assert(sizeof(Vertex) == 24);

std::uint32_t packDirection(const glm::vec3& direction) { return glm::packSnorm3x10_1x2(glm::vec4(direction, 0.0f)); }

int materialIndex(MaterialKind kind) {
    switch (kind) {
        case MaterialKind::Muscle: return 0;
        case MaterialKind::Tendon: return 1;
        case MaterialKind::Bone: return 2;
        case MaterialKind::Skin: return 3;
        case MaterialKind::Other: return 4;
    }
    return 4;
}

// The shader lights in linear space; the palette is written in sRGB, as colours are picked.
glm::vec3 linearFromSrgb(const glm::vec3& srgb) { return glm::pow(srgb, glm::vec3(2.2f)); }

// Throws RenderError when the bound framebuffer (`what`: "1280x720 framebuffer") is not complete.
void requireComplete(const std::string& what) {
    if (glCheckFramebufferStatus(GL_FRAMEBUFFER) != GL_FRAMEBUFFER_COMPLETE) {
        throw RenderError("the graphics driver cannot create a " + what);
    }
}

// Whether the OpenGL driver draws on the CPU, by the names Mesa and SwiftShader give their
// software rasterisers.
bool driverIsSoftware() {
    const auto* name = reinterpret_cast<const char*>(glGetString(GL_RENDERER));
    const std::string renderer = name != nullptr ? name : "";
    for (const char* software : {"llvmpipe", "softpipe", "SwiftShader", "Software Rasterizer"}) {
        if (renderer.find(software) != std::string::npos) return true;
    }
    return false;
}

// A new renderbuffer of `format`, `width` x `height`, multisampled when `samples` > 0.
GLuint newRenderbuffer(GLenum format, int width, int height, int samples = 0) {
    GLuint renderbuffer = 0;
    glGenRenderbuffers(1, &renderbuffer);
    glBindRenderbuffer(GL_RENDERBUFFER, renderbuffer);
    if (samples > 0) {
        glRenderbufferStorageMultisample(GL_RENDERBUFFER, samples, format, width, height);
    } else {
        glRenderbufferStorage(GL_RENDERBUFFER, format, width, height);
    }
    return renderbuffer;
}

// The part of `viewport` (in its pixels, from its top left) where `box` may show as `camera` sees
// it, with a margin for the filter that scales a scene drawn in motion up; all of it when the box
// reaches behind the eye, and none of it for an empty box.
Viewport coveredPart(const OrbitCamera& camera, const Bounds& box, const Viewport& viewport) {
    if (box.empty()) return Viewport{0, 0, 0, 0};
    const glm::vec2 size(static_cast<float>(viewport.width), static_cast<float>(viewport.height));
    const auto rect = camera.projectedRect(box, size);
    if (!rect) return Viewport{0, 0, viewport.width, viewport.height};
    const float margin = 2.0f * static_cast<float>(kMovingDivisor);
    // Clamped as floats: a corner near the eye's plane projects very far out.
    const glm::ivec2 low(glm::clamp(glm::floor(rect->first - margin), glm::vec2(0.0f), size));
    const glm::ivec2 high(glm::clamp(glm::ceil(rect->second + margin), glm::vec2(0.0f), size));
    return Viewport{low.x, low.y, std::max(high.x - low.x, 0), std::max(high.y - low.y, 0)};
}

// A new RGBA texture of `width` x `height`, filtered linearly and clamped at its edges.
GLuint newFilteredTexture(int width, int height) {
    GLuint texture = 0;
    glGenTextures(1, &texture);
    glBindTexture(GL_TEXTURE_2D, texture);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, width, height, 0, GL_RGBA, GL_UNSIGNED_BYTE, nullptr);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    glBindTexture(GL_TEXTURE_2D, 0);
    return texture;
}

bool isTranslucent(const Part& part) { return part.material == MaterialKind::Skin || part.baseColour.a < 0.99f; }

}  // namespace

// One part's buffers on the GPU.
struct Renderer::GpuPart {
    GLuint vertexArray = 0;
    GLuint vertexBuffer = 0;
    GLuint indexBuffer = 0;
    // Each level's vertices and indices, one after another in the buffers: full detail first, then
    // the part's coarser levels in order. A level has its own compact copy of the vertices it uses,
    // because a software renderer shades every vertex in the range a draw call's indices span.
    struct Range {
        std::size_t indexOffsetBytes = 0;
        GLsizei indexCount = 0;
        GLint baseVertex = 0;
    };
    std::vector<Range> levels;
    // 16-bit indices when every level has at most 65,536 vertices (as most structures do), else 32.
    GLenum indexType = GL_UNSIGNED_INT;

    explicit GpuPart(const Part& part) {
        std::vector<Vertex> vertices;
        std::vector<std::uint32_t> indices;
        std::size_t largestLevel = addLevel(part, part.indices, vertices, indices);
        for (const DetailLevel& level : part.coarser) {
            largestLevel = std::max(largestLevel, addLevel(part, level.indices, vertices, indices));
        }
        std::size_t indexSize = sizeof(std::uint32_t);
        std::vector<std::uint16_t> shortIndices;
        if (largestLevel <= 65536) {
            indexType = GL_UNSIGNED_SHORT;
            indexSize = sizeof(std::uint16_t);
            shortIndices.assign(indices.begin(), indices.end());
        }
        for (Range& range : levels) range.indexOffsetBytes *= indexSize;  // from a count of indices

        glGenVertexArrays(1, &vertexArray);
        glGenBuffers(1, &vertexBuffer);
        glGenBuffers(1, &indexBuffer);
        glBindVertexArray(vertexArray);
        glBindBuffer(GL_ARRAY_BUFFER, vertexBuffer);
        glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(vertices.size() * sizeof(Vertex)), vertices.data(),
                     GL_STATIC_DRAW);
        glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, indexBuffer);
        glBufferData(GL_ELEMENT_ARRAY_BUFFER, static_cast<GLsizeiptr>(indices.size() * indexSize),
                     shortIndices.empty() ? static_cast<const void*>(indices.data()) : shortIndices.data(), GL_STATIC_DRAW);
        const auto attribute = [](GLuint location, GLint components, GLenum type, std::size_t offset) {
            glEnableVertexAttribArray(location);
            glVertexAttribPointer(location, components, type, type == GL_INT_2_10_10_10_REV ? GL_TRUE : GL_FALSE,
                                  sizeof(Vertex), reinterpret_cast<const void*>(offset));
        };
        attribute(0, 3, GL_FLOAT, offsetof(Vertex, position));
        attribute(1, 4, GL_INT_2_10_10_10_REV, offsetof(Vertex, normal));
        attribute(2, 4, GL_INT_2_10_10_10_REV, offsetof(Vertex, fibre));
        attribute(3, 1, GL_FLOAT, offsetof(Vertex, stripe));
        glBindVertexArray(0);
    }
    ~GpuPart() {
        glDeleteBuffers(1, &indexBuffer);
        glDeleteBuffers(1, &vertexBuffer);
        glDeleteVertexArrays(1, &vertexArray);
    }
    GpuPart(GpuPart&& other) noexcept
        : vertexArray(std::exchange(other.vertexArray, 0)),
          vertexBuffer(std::exchange(other.vertexBuffer, 0)),
          indexBuffer(std::exchange(other.indexBuffer, 0)),
          levels(std::move(other.levels)),
          indexType(other.indexType) {}
    GpuPart(const GpuPart&) = delete;
    GpuPart& operator=(const GpuPart&) = delete;
    GpuPart& operator=(GpuPart&&) = delete;

private:
    // Appends the vertices `levelIndices` use, in order of first use, and the indices renumbered
    // from the level's first vertex; returns how many vertices the level has. The level's offset
    // is left as a count of indices, for the caller to turn into bytes.
    std::size_t addLevel(const Part& part, const std::vector<std::uint32_t>& levelIndices, std::vector<Vertex>& vertices,
                         std::vector<std::uint32_t>& indices) {
        constexpr std::uint32_t kUnused = ~std::uint32_t{0};
        levels.push_back({indices.size(), static_cast<GLsizei>(levelIndices.size()), static_cast<GLint>(vertices.size())});
        std::vector<std::uint32_t> renumbered(part.positions.size(), kUnused);
        std::uint32_t next = 0;
        for (std::uint32_t original : levelIndices) {
            if (renumbered[original] == kUnused) {
                renumbered[original] = next++;
                vertices.push_back({part.positions[original], packDirection(part.normals[original]),
                                    packDirection(part.fibres.empty() ? glm::vec3(0.0f) : part.fibres[original]),
                                    part.stripes.empty() ? 0.0f : part.stripes[original]});
            }
            indices.push_back(renumbered[original]);
        }
        return next;
    }
};

Renderer::ModelProgram::ModelProgram(const std::filesystem::path& shaderDir, const std::string& defines)
    : program(shaderDir, "model", defines),
      baseColour(program.uniform("uBaseColour")),
      material(program.uniform("uMaterial")),
      hasFibres(program.uniform("uHasFibres")),
      partCentre(program.uniform("uPartCentre")),
      highlightStyle(program.uniform("uHighlightStyle")),
      ghost(program.uniform("uGhost")),
      dimmed(program.uniform("uDimmed")),
      painted(program.uniform("uPainted")),
      hasStripes(program.uniform("uHasStripes")) {}

Renderer::Renderer(const std::filesystem::path& shaderDir)
    : plainModel_(shaderDir, ""),
      paintedModel_(shaderDir, "#define PAIN_MAP\n"),
      backgroundProgram_(shaderDir, "composite"),
      compositeProgram_(shaderDir, "composite", "#define MULTISAMPLED\n"),
      upscaleProgram_(shaderDir, "composite", "#define UPSCALE\n"),
      smoothProgram_(shaderDir, "composite", "smooth", ""),
      nodeIdProgram_(shaderDir, "node_id") {
    glGenVertexArrays(1, &emptyVertexArray_);
    software_ = driverIsSoftware();
    GLint maxSamples = 1;
    glGetIntegerv(GL_MAX_SAMPLES, &maxSamples);
    samples_ = std::clamp(maxSamples, 1, kWantedSamples);
}

Renderer::~Renderer() {
    releaseTargets();
    glDeleteVertexArrays(1, &emptyVertexArray_);
}

void Renderer::setModel(const Model& model) {
    ++modelGeneration_;
    heldScene_.reset();
    parts_.clear();
    parts_.reserve(model.parts.size());
    for (const Part& part : model.parts) parts_.emplace_back(part);
}

void Renderer::warmUp(int width, int height, const Viewport& scene, bool inMotion) {
    Model standIn;
    standIn.nodes.push_back(Node{"warm-up", -1, {}, {0, 1}});
    for (const MaterialKind kind : {MaterialKind::Muscle, MaterialKind::Skin}) {
        Part part = makeSphere(0.01f, 3, 4);
        part.material = kind;
        part.baseColour.a = kind == MaterialKind::Skin ? 0.2f : 1.0f;
        part.closed = true;
        standIn.bounds.add(part.bounds);
        standIn.parts.push_back(std::move(part));
    }
    setModel(standIn);
    OrbitCamera camera;
    camera.frame(standIn.bounds, scene.aspect(), ViewPreset::Posterior);
    for (const SceneMotion motion : {SceneMotion::Still, SceneMotion::Moving}) {
        if (motion == SceneMotion::Moving && !(inMotion && software_)) break;
        beginFrame(width, height, scene, motion);
        drawScene(standIn, camera, {NodeLook{}}, scene);
        resolveFrame();
    }
    glFinish();
    parts_.clear();
    heldScene_.reset();
}

void Renderer::releaseTargets() {
    releaseSceneTarget();
    glDeleteFramebuffers(1, &resolvedFramebuffer_);
    glDeleteRenderbuffers(1, &resolvedColour_);
    glDeleteFramebuffers(1, &nodeIdFramebuffer_);
    glDeleteRenderbuffers(1, &nodeIdColour_);
    glDeleteRenderbuffers(1, &nodeIdDepth_);
    glDeleteFramebuffers(1, &backgroundFramebuffer_);
    glDeleteRenderbuffers(1, &backgroundColour_);
    resolvedFramebuffer_ = resolvedColour_ = backgroundFramebuffer_ = backgroundColour_ = 0;
    nodeIdFramebuffer_ = nodeIdColour_ = nodeIdDepth_ = 0;
}

void Renderer::releaseSceneTarget() {
    glDeleteFramebuffers(1, &msaaFramebuffer_);
    glDeleteTextures(1, &msaaColour_);
    glDeleteRenderbuffers(1, &msaaDepth_);
    glDeleteFramebuffers(1, &movingFramebuffer_);
    glDeleteTextures(1, &movingColour_);
    glDeleteRenderbuffers(1, &movingDepth_);
    glDeleteFramebuffers(1, &smoothFramebuffer_);
    glDeleteTextures(1, &smoothColour_);
    msaaFramebuffer_ = msaaColour_ = msaaDepth_ = movingFramebuffer_ = movingColour_ = movingDepth_ = 0;
    smoothFramebuffer_ = smoothColour_ = 0;
    heldScene_.reset();
    sceneTargetWidth_ = sceneTargetHeight_ = 0;
}

void Renderer::ensureTargets(int width, int height) {
    if (width == width_ && height == height_ && resolvedFramebuffer_ != 0) return;
    releaseTargets();
    width_ = width;
    height_ = height;
    resolvedColour_ = newRenderbuffer(GL_RGBA8, width, height);
    glGenFramebuffers(1, &resolvedFramebuffer_);
    glBindFramebuffer(GL_FRAMEBUFFER, resolvedFramebuffer_);
    glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, resolvedColour_);
    requireComplete(std::to_string(width) + "x" + std::to_string(height) + " framebuffer");
}

void Renderer::ensureSceneTarget(int width, int height) {
    // Kept while the scene fits and fills most of it: a panel sliding open changes the scene's
    // size every frame, and each new target is a large allocation.
    const bool fits = width <= sceneTargetWidth_ && height <= sceneTargetHeight_;
    const bool mostlyFilled = width * 4 >= sceneTargetWidth_ * 3 && height * 4 >= sceneTargetHeight_ * 3;
    if (msaaFramebuffer_ != 0 && fits && mostlyFilled) return;
    releaseSceneTarget();
    sceneTargetWidth_ = width;
    sceneTargetHeight_ = height;
    // A texture, not a renderbuffer: the compositing pass reads its samples.
    glGenTextures(1, &msaaColour_);
    glBindTexture(GL_TEXTURE_2D_MULTISAMPLE, msaaColour_);
    glTexImage2DMultisample(GL_TEXTURE_2D_MULTISAMPLE, samples_, GL_RGBA8, width, height, GL_TRUE);
    glBindTexture(GL_TEXTURE_2D_MULTISAMPLE, 0);
    msaaDepth_ = newRenderbuffer(GL_DEPTH24_STENCIL8, width, height, samples_);
    glGenFramebuffers(1, &msaaFramebuffer_);
    glBindFramebuffer(GL_FRAMEBUFFER, msaaFramebuffer_);
    glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D_MULTISAMPLE, msaaColour_, 0);
    glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_DEPTH_STENCIL_ATTACHMENT, GL_RENDERBUFFER, msaaDepth_);
    requireComplete(std::to_string(width) + "x" + std::to_string(height) + " multisampled framebuffer");
    if (!software_) return;
    // Where a scene drawn in motion is resolved, to be filtered up.
    const glm::ivec2 movingSize = movingTextureSize();
    movingColour_ = newFilteredTexture(movingSize.x, movingSize.y);
    glGenFramebuffers(1, &movingFramebuffer_);
    glBindFramebuffer(GL_FRAMEBUFFER, movingFramebuffer_);
    glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, movingColour_, 0);
    movingDepth_ = newRenderbuffer(GL_DEPTH24_STENCIL8, movingSize.x, movingSize.y);
    glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_DEPTH_STENCIL_ATTACHMENT, GL_RENDERBUFFER, movingDepth_);
    requireComplete(std::to_string(movingSize.x) + "x" + std::to_string(movingSize.y) + " framebuffer");
    smoothColour_ = newFilteredTexture(movingSize.x, movingSize.y);
    glGenFramebuffers(1, &smoothFramebuffer_);
    glBindFramebuffer(GL_FRAMEBUFFER, smoothFramebuffer_);
    glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, smoothColour_, 0);
    requireComplete(std::to_string(movingSize.x) + "x" + std::to_string(movingSize.y) + " framebuffer");
}

glm::ivec2 Renderer::movingTextureSize() const {
    return (glm::ivec2(sceneTargetWidth_, sceneTargetHeight_) + (kMovingDivisor - 1)) / kMovingDivisor;
}

void Renderer::beginFrame(int width, int height, const Viewport& scene, SceneMotion motion) {
    ensureTargets(std::max(width, 1), std::max(height, 1));
    // The scene's part of the frame; the panels cover the rest.
    scene_.x = std::clamp(scene.x, 0, width_ - 1);
    scene_.y = std::clamp(scene.y, 0, height_ - 1);
    scene_.width = std::clamp(scene.width, 1, width_ - scene_.x);
    scene_.height = std::clamp(scene.height, 1, height_ - scene_.y);
    ensureSceneTarget(scene_.width, scene_.height);
    divisor_ = motion == SceneMotion::Moving && software_ ? kMovingDivisor : 1;
    drawnSize_ = (glm::ivec2(scene_.width, scene_.height) + (divisor_ - 1)) / divisor_;
    sceneDrawn_ = false;
    sceneKept_ = false;
    glBindFramebuffer(GL_FRAMEBUFFER, sceneFramebuffer());
    glViewport(0, 0, drawnSize_.x, drawnSize_.y);
}

void Renderer::clearScene() {
    // Transparent: the background goes under the scene when the frame is resolved.
    glBindFramebuffer(GL_FRAMEBUFFER, sceneFramebuffer());
    glEnable(GL_SCISSOR_TEST);
    glScissor(0, 0, drawnSize_.x, drawnSize_.y);
    glClearColor(0.0f, 0.0f, 0.0f, 0.0f);
    glClear(GL_COLOR_BUFFER_BIT | GL_DEPTH_BUFFER_BIT | GL_STENCIL_BUFFER_BIT);
    glDisable(GL_SCISSOR_TEST);
}

void Renderer::startDrawing(const ShaderProgram& program, const OrbitCamera& camera, const Viewport& viewport,
                            bool inSceneTarget) {
    // The scene target holds the viewport alone; a frame-sized target holds it where it lies in the
    // frame (GL counts rows from the bottom).
    if (inSceneTarget) {
        glViewport(0, 0, drawnSize_.x, drawnSize_.y);
    } else {
        glViewport(viewport.x, height_ - viewport.y - viewport.height, viewport.width, viewport.height);
    }
    glEnable(GL_DEPTH_TEST);
    glDepthFunc(GL_LESS);
    program.use();
    glUniformMatrix4fv(program.uniform("uView"), 1, GL_FALSE, glm::value_ptr(camera.view()));
    glUniformMatrix4fv(program.uniform("uProjection"), 1, GL_FALSE, glm::value_ptr(camera.projection(viewport.aspect())));
}

void Renderer::drawScene(const Model& model, const OrbitCamera& camera, const std::vector<NodeLook>& looks,
                         const Viewport& viewport, const std::vector<Ellipsoid>& painZones) {
    const std::size_t zoneCount = std::min(painZones.size(), kMaxPainZones);
    sceneDrawn_ = true;
    SceneInputs inputs{modelGeneration_, camera.view(), camera.projection(viewport.aspect()), viewport, divisor_, looks,
                       std::vector<Ellipsoid>(painZones.begin(), painZones.begin() + static_cast<std::ptrdiff_t>(zoneCount))};
    sceneKept_ = heldScene_ == inputs;
    if (sceneKept_) return;
    heldScene_ = std::move(inputs);
    clearScene();
    model_ = zoneCount > 0 ? &paintedModel_ : &plainModel_;
    const ShaderProgram& program = model_->program;
    startDrawing(program, camera, viewport, true);
    glEnable(GL_MULTISAMPLE);
    glUniform3fv(program.uniform("uSelectionColour"), 1, glm::value_ptr(linearFromSrgb(Palette::kSelection)));
    glUniform3fv(program.uniform("uRelatedColour"), 1, glm::value_ptr(linearFromSrgb(Palette::kRelated)));
    glUniform3fv(program.uniform("uPainColour"), 1, glm::value_ptr(linearFromSrgb(Palette::kPain)));
    glUniform1f(program.uniform("uPixelSize"), static_cast<float>(divisor_));
    std::vector<glm::vec3> centres;
    std::vector<glm::vec3> radii;
    for (std::size_t i = 0; i < zoneCount; ++i) {
        centres.push_back(painZones[i].centre);
        radii.push_back(painZones[i].radii);
    }
    glUniform1i(program.uniform("uPainZoneCount"), static_cast<GLint>(zoneCount));
    if (zoneCount > 0) {
        glUniform3fv(program.uniform("uPainZoneCentre"), static_cast<GLsizei>(zoneCount), glm::value_ptr(centres[0]));
        glUniform3fv(program.uniform("uPainZoneRadii"), static_cast<GLsizei>(zoneCount), glm::value_ptr(radii[0]));
    }

    // Solid parts nearest first, so that the depth test rejects hidden fragments before shading;
    // translucent ones farthest first, so that each blends over what lies behind it.
    const glm::vec3 eye = camera.eye();
    const std::size_t partCount = std::min(parts_.size(), model.parts.size());
    std::vector<float> distance(partCount);
    solid_.clear();
    translucent_.clear();
    overGhosts_.clear();
    for (std::size_t i = 0; i < partCount; ++i) {
        const Part& part = model.parts[i];
        const NodeLook& look = looks[static_cast<std::size_t>(part.node)];
        if (!look.visible) continue;
        distance[i] = glm::distance(eye, part.bounds.centre());
        (look.ghost || isTranslucent(part) ? translucent_ : look.overGhosts ? overGhosts_ : solid_).push_back(i);
    }
    Bounds drawnBounds;
    for (const std::vector<std::size_t>* list : {&solid_, &overGhosts_, &translucent_}) {
        for (std::size_t i : *list) drawnBounds.add(model.parts[i].bounds);
    }
    covered_ = coveredPart(camera, drawnBounds, viewport);
    // The pain map goes on the outermost surface: on the skin while it is drawn.
    paintSkin_ = std::any_of(translucent_.begin(), translucent_.end(),
                             [&](std::size_t i) { return model.parts[i].material == MaterialKind::Skin; });
    std::sort(solid_.begin(), solid_.end(), [&](std::size_t a, std::size_t b) { return distance[a] < distance[b]; });
    std::sort(translucent_.begin(), translucent_.end(),
              [&](std::size_t a, std::size_t b) { return distance[a] > distance[b]; });

    // Each part as coarse as it can be without a visible change: its simplification error (an upper
    // bound, summed over levels), at its nearest distance from the eye, must stay within two
    // pixels; at that bound under 1% of the pixels of a full view change. Faint shells hide four.
    const float pixelsPerUnitAtOne =
        static_cast<float>(drawnSize_.y) / (2.0f * std::tan(OrbitCamera::kFieldOfViewY / 2.0f));
    levelOf_.assign(partCount, 0);
    for (const std::vector<std::size_t>* list : {&solid_, &overGhosts_, &translucent_}) {
        const float tolerancePixels = list == &translucent_ ? 4.0f : 2.0f;
        for (std::size_t i : *list) {
            const Part& part = model.parts[i];
            const float nearest = std::max(distance[i] - part.bounds.radius(), 1e-3f);
            levelOf_[i] = chooseDetailLevel(part, pixelsPerUnitAtOne / nearest, tolerancePixels) + 1;
        }
    }

    glDisable(GL_BLEND);
    glDepthMask(GL_TRUE);
    drawSolids(model, looks, solid_);

    // Translucent shells without writing depth, each its back faces first, then its front. Then
    // x-ray's highlight over them, unveiled.
    glEnable(GL_CULL_FACE);
    glEnable(GL_BLEND);
    glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
    glDepthMask(GL_FALSE);
    for (std::size_t i : translucent_) {
        const Part& part = model.parts[i];
        const NodeLook& look = looks[static_cast<std::size_t>(part.node)];
        setPartUniforms(part, look, paintSkin_ && part.material == MaterialKind::Skin);
        glCullFace(GL_FRONT);
        drawPart(i);
        glCullFace(GL_BACK);
        drawPart(i);
    }
    glDepthMask(GL_TRUE);
    glDisable(GL_BLEND);
    drawSolids(model, looks, overGhosts_);
    glDisable(GL_CULL_FACE);
    glBindVertexArray(0);
    glViewport(0, 0, width_, height_);
}

void Renderer::drawSolids(const Model& model, const std::vector<NodeLook>& looks, const std::vector<std::size_t>& parts) {
    glCullFace(GL_BACK);
    for (std::size_t i : parts) {
        const Part& part = model.parts[i];
        // The back of a closed solid is never seen; skipping it halves the triangles. An open
        // surface may be seen from behind, so it is drawn on both sides.
        part.closed ? glEnable(GL_CULL_FACE) : glDisable(GL_CULL_FACE);
        // Without the skin the map goes on the solids, but not on a highlighted muscle: the culprit
        // keeps its own colour.
        const NodeLook& look = looks[static_cast<std::size_t>(part.node)];
        setPartUniforms(part, look, !paintSkin_ && look.style == HighlightStyle::None);
        drawPart(i);
    }
}

void Renderer::setPartUniforms(const Part& part, const NodeLook& look, bool painted) {
    glUniform4fv(model_->baseColour, 1, glm::value_ptr(part.baseColour));
    glUniform1i(model_->material, materialIndex(part.material));
    glUniform1i(model_->hasFibres, part.fibres.empty() ? 0 : 1);
    glUniform3fv(model_->partCentre, 1, glm::value_ptr(part.bounds.centre()));
    glUniform1i(model_->hasStripes, part.stripes.empty() ? 0 : 1);
    glUniform1i(model_->highlightStyle, static_cast<int>(look.style));
    glUniform1i(model_->ghost, look.ghost ? 1 : 0);
    glUniform1i(model_->dimmed, look.dimmed ? 1 : 0);
    glUniform1i(model_->painted, painted ? 1 : 0);
}

void Renderer::drawPart(std::size_t i) {
    glBindVertexArray(parts_[i].vertexArray);
    const GpuPart::Range& range = parts_[i].levels[static_cast<std::size_t>(levelOf_[i])];
    glDrawElementsBaseVertex(GL_TRIANGLES, range.indexCount, parts_[i].indexType,
                             reinterpret_cast<const void*>(range.indexOffsetBytes), range.baseVertex);
}

void Renderer::drawViewportTriangle() {
    glDisable(GL_DEPTH_TEST);
    glDisable(GL_BLEND);
    glDisable(GL_CULL_FACE);
    glBindVertexArray(emptyVertexArray_);
    glDrawArrays(GL_TRIANGLES, 0, 3);
    glBindVertexArray(0);
}

void Renderer::useCompositeProgram(const ShaderProgram& program) {
    program.use();
    glUniform2i(program.uniform("uSceneOrigin"), scene_.x, height_ - scene_.y - scene_.height);
    glUniform3fv(program.uniform("uTop"), 1, glm::value_ptr(Palette::kBackgroundTop));
    glUniform3fv(program.uniform("uBottom"), 1, glm::value_ptr(Palette::kBackgroundBottom));
}

void Renderer::smoothMovingScene() {
    // Texel for texel, over the drawn texels of the covered part and one around it (the filter
    // that scales it up reads that far).
    const glm::ivec2 low = glm::max(glm::ivec2(covered_.x, scene_.height - covered_.y - covered_.height) / divisor_ - 1, 0);
    const glm::ivec2 high = glm::min(
        (glm::ivec2(covered_.x + covered_.width, scene_.height - covered_.y) + (divisor_ - 1)) / divisor_ + 1, drawnSize_);
    glBindFramebuffer(GL_FRAMEBUFFER, smoothFramebuffer_);
    glViewport(0, 0, drawnSize_.x, drawnSize_.y);
    glEnable(GL_SCISSOR_TEST);
    glScissor(low.x, low.y, high.x - low.x, high.y - low.y);
    smoothProgram_.use();
    glActiveTexture(GL_TEXTURE0);
    glBindTexture(GL_TEXTURE_2D, movingColour_);
    glUniform1i(smoothProgram_.uniform("uScene"), 0);
    glUniform2fv(smoothProgram_.uniform("uTexel"), 1, glm::value_ptr(1.0f / glm::vec2(movingTextureSize())));
    glUniform2fv(smoothProgram_.uniform("uDrawnSize"), 1, glm::value_ptr(glm::vec2(drawnSize_)));
    drawViewportTriangle();
    glBindTexture(GL_TEXTURE_2D, 0);
    glDisable(GL_SCISSOR_TEST);
}

void Renderer::copyBackground(GLuint frame, const KeptLayer* kept) {
    if (backgroundFramebuffer_ == 0) {
        backgroundColour_ = newRenderbuffer(GL_RGBA8, width_, height_);
        glGenFramebuffers(1, &backgroundFramebuffer_);
        glBindFramebuffer(GL_FRAMEBUFFER, backgroundFramebuffer_);
        glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, backgroundColour_);
        requireComplete(std::to_string(width_) + "x" + std::to_string(height_) + " framebuffer");
        background_.reset();
    }
    // Compared before it is copied: the key holds the panels' vertices.
    const bool same = background_ && background_->scene == scene_ &&
                      (kept ? background_->keptKey == kept->key : !background_->keptKey);
    layerKept_ = kept != nullptr && same;
    if (!same) {
        // Under the panels a plain colour; the gradient behind the scene; the kept layer over them.
        glBindFramebuffer(GL_FRAMEBUFFER, backgroundFramebuffer_);
        glViewport(0, 0, width_, height_);
        glClearColor(Palette::kBackgroundBottom.r, Palette::kBackgroundBottom.g, Palette::kBackgroundBottom.b, 1.0f);
        glClear(GL_COLOR_BUFFER_BIT);
        glViewport(scene_.x, height_ - scene_.y - scene_.height, scene_.width, scene_.height);
        useCompositeProgram(backgroundProgram_);
        drawViewportTriangle();
        if (kept != nullptr) {
            glViewport(0, 0, width_, height_);
            kept->draw();
        }
        background_ = BackgroundInputs{scene_, kept ? std::optional<std::string>(kept->key) : std::nullopt};
    }
    glBindFramebuffer(GL_READ_FRAMEBUFFER, backgroundFramebuffer_);
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, frame);
    glBlitFramebuffer(0, 0, width_, height_, 0, 0, width_, height_, GL_COLOR_BUFFER_BIT, GL_NEAREST);
}

void Renderer::resolveFrame(FrameTarget target, const KeptLayer* kept) {
    if (!sceneDrawn_) {  // no model: the background alone
        heldScene_.reset();
        covered_ = Viewport{0, 0, 0, 0};
    }
    const GLuint frame = target == FrameTarget::Screen ? 0 : resolvedFramebuffer_;
    if (divisor_ > 1 && covered_.width > 0 && covered_.height > 0) smoothMovingScene();
    copyBackground(frame, kept);
    glBindFramebuffer(GL_FRAMEBUFFER, frame);
    if (covered_.width > 0 && covered_.height > 0) {
        // Only where the model may lie: the rest of the scene is background, which the copy laid.
        glViewport(scene_.x, height_ - scene_.y - scene_.height, scene_.width, scene_.height);
        glEnable(GL_SCISSOR_TEST);
        glScissor(scene_.x + covered_.x, height_ - scene_.y - covered_.y - covered_.height, covered_.width,
                  covered_.height);
        const bool upscaled = divisor_ > 1;
        const ShaderProgram& program = upscaled ? upscaleProgram_ : compositeProgram_;
        useCompositeProgram(program);
        glActiveTexture(GL_TEXTURE0);
        const GLenum textureKind = upscaled ? GL_TEXTURE_2D : GL_TEXTURE_2D_MULTISAMPLE;
        glBindTexture(textureKind, upscaled ? smoothColour_ : msaaColour_);
        glUniform1i(program.uniform("uScene"), 0);
        if (upscaled) {
            glUniform2f(program.uniform("uSceneSize"), static_cast<float>(scene_.width), static_cast<float>(scene_.height));
            glUniform2fv(program.uniform("uDrawnSize"), 1, glm::value_ptr(glm::vec2(drawnSize_)));
            glUniform2fv(program.uniform("uTextureSize"), 1, glm::value_ptr(glm::vec2(movingTextureSize())));
        } else {
            glUniform1i(program.uniform("uSamples"), samples_);
        }
        drawViewportTriangle();
        glBindTexture(textureKind, 0);
        glDisable(GL_SCISSOR_TEST);
    }
    glViewport(0, 0, width_, height_);
}

Image Renderer::readFrame() const {
    Image image;
    image.width = width_;
    image.height = height_;
    image.rgba.resize(static_cast<std::size_t>(width_) * height_ * 4);
    glBindFramebuffer(GL_READ_FRAMEBUFFER, resolvedFramebuffer_);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadPixels(0, 0, width_, height_, GL_RGBA, GL_UNSIGNED_BYTE, image.rgba.data());
    // GL's first row is the bottom one; images start at the top.
    const std::size_t rowBytes = static_cast<std::size_t>(width_) * 4;
    for (int y = 0; y < height_ / 2; ++y) {
        std::swap_ranges(image.rgba.begin() + static_cast<std::ptrdiff_t>(y * rowBytes),
                         image.rgba.begin() + static_cast<std::ptrdiff_t>((y + 1) * rowBytes),
                         image.rgba.begin() + static_cast<std::ptrdiff_t>((height_ - 1 - y) * rowBytes));
    }
    // The frame is opaque; alpha written by blending is not meaningful in a PNG.
    for (std::size_t i = 3; i < image.rgba.size(); i += 4) image.rgba[i] = 255;
    return image;
}

std::vector<std::uint64_t> Renderer::visiblePixels(const Model& model, const OrbitCamera& camera,
                                                   const std::vector<NodeLook>& looks, const Viewport& viewport) {
    if (nodeIdFramebuffer_ == 0) {
        nodeIdColour_ = newRenderbuffer(GL_R32UI, width_, height_);
        nodeIdDepth_ = newRenderbuffer(GL_DEPTH_COMPONENT24, width_, height_);
        glGenFramebuffers(1, &nodeIdFramebuffer_);
        glBindFramebuffer(GL_FRAMEBUFFER, nodeIdFramebuffer_);
        glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, nodeIdColour_);
        glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_DEPTH_ATTACHMENT, GL_RENDERBUFFER, nodeIdDepth_);
        requireComplete("framebuffer of node numbers");
    }
    glBindFramebuffer(GL_FRAMEBUFFER, nodeIdFramebuffer_);
    const GLuint none = 0;
    glClearBufferuiv(GL_COLOR, 0, &none);
    glClear(GL_DEPTH_BUFFER_BIT);
    glDisable(GL_BLEND);
    glDepthMask(GL_TRUE);
    startDrawing(nodeIdProgram_, camera, viewport, false);

    std::vector<std::uint64_t> counts(model.nodes.size(), 0);
    countSolidPixels(model, looks, viewport, counts);
    countGhostPixels(model, looks, counts);
    glBindVertexArray(0);
    glViewport(0, 0, width_, height_);
    return counts;
}

void Renderer::countSolidPixels(const Model& model, const std::vector<NodeLook>& looks, const Viewport& viewport,
                                std::vector<std::uint64_t>& counts) {
    const GLint nodeIdUniform = nodeIdProgram_.uniform("uNodeId");
    glDisable(GL_CULL_FACE);  // the nearest surface counts, whichever way it faces
    forEachDrawnPart(model, looks, [&](std::size_t i, const Part& part, const NodeLook& look) {
        if (look.ghost || isTranslucent(part)) return;
        glUniform1ui(nodeIdUniform, static_cast<GLuint>(part.node) + 1u);
        drawPartAtFullDetail(i);
    });
    std::vector<GLuint> ids(static_cast<std::size_t>(viewport.width) * static_cast<std::size_t>(viewport.height));
    glPixelStorei(GL_PACK_ALIGNMENT, 4);
    glReadPixels(viewport.x, height_ - viewport.y - viewport.height, viewport.width, viewport.height, GL_RED_INTEGER,
                 GL_UNSIGNED_INT, ids.data());
    for (GLuint id : ids) {
        if (id > 0 && id <= counts.size()) ++counts[id - 1];
    }
}

void Renderer::countGhostPixels(const Model& model, const std::vector<NodeLook>& looks,
                                std::vector<std::uint64_t>& counts) {
    // Each ghost on its own against the solids' depth, counted by an occlusion query: a faint
    // ghost behind another is still seen. Front faces only, so that a pixel counts once.
    glDepthMask(GL_FALSE);
    glEnable(GL_CULL_FACE);
    glCullFace(GL_BACK);
    std::vector<GLuint> queries(model.nodes.size(), 0);
    forEachDrawnPart(model, looks, [&](std::size_t i, const Part& part, const NodeLook& look) {
        if (!look.ghost || part.material == MaterialKind::Skin) return;
        GLuint& query = queries[static_cast<std::size_t>(part.node)];
        if (query == 0) glGenQueries(1, &query);
        glBeginQuery(GL_SAMPLES_PASSED, query);
        drawPartAtFullDetail(i);
        glEndQuery(GL_SAMPLES_PASSED);
        GLuint samples = 0;
        glGetQueryObjectuiv(query, GL_QUERY_RESULT, &samples);
        counts[static_cast<std::size_t>(part.node)] += samples;
    });
    for (GLuint query : queries) {
        if (query != 0) glDeleteQueries(1, &query);
    }
    glDisable(GL_CULL_FACE);
    glDepthMask(GL_TRUE);
}

void Renderer::forEachDrawnPart(const Model& model, const std::vector<NodeLook>& looks,
                                const std::function<void(std::size_t, const Part&, const NodeLook&)>& visit) const {
    const std::size_t partCount = std::min(parts_.size(), model.parts.size());
    for (std::size_t i = 0; i < partCount; ++i) {
        const Part& part = model.parts[i];
        const NodeLook& look = looks[static_cast<std::size_t>(part.node)];
        if (look.visible) visit(i, part, look);
    }
}

void Renderer::drawPartAtFullDetail(std::size_t i) {
    glBindVertexArray(parts_[i].vertexArray);
    const GpuPart::Range& full = parts_[i].levels.front();
    glDrawElementsBaseVertex(GL_TRIANGLES, full.indexCount, parts_[i].indexType,
                             reinterpret_cast<const void*>(full.indexOffsetBytes), full.baseVertex);
}

}  // namespace dorsal
