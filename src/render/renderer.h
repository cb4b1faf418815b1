#pragma once
// The one renderer of Dorsal. It draws a frame into its own framebuffer objects (multisampled,
// then resolved); the window copies that frame to the screen and the offscreen path reads it back
// into a PNG, so both show exactly the same pixels.

#include <filesystem>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/camera.h"
#include "core/content.h"
#include "core/image.h"
#include "core/model.h"
#include "core/view_state.h"
#include "render/gl.h"
#include "render/shader.h"

namespace dorsal {

// Colours of the frame, in sRGB, shared with the tests that check the pixels.
struct Palette {
    static constexpr glm::vec3 kBackgroundTop{0.200f, 0.224f, 0.267f};
    static constexpr glm::vec3 kBackgroundBottom{0.082f, 0.090f, 0.110f};
    static constexpr glm::vec3 kSelection{0.10f, 0.70f, 1.00f};
    // Related structures (a pain pattern's muscles): amber, far brighter than muscle red, so that
    // it differs from it and from the blue selection for every kind of colour vision.
    static constexpr glm::vec3 kRelated{1.00f, 0.76f, 0.18f};
    // Pain felt here: a crimson-magenta in dots, unlike the blue and amber highlights in hue and
    // in pattern.
    static constexpr glm::vec3 kPain{0.86f, 0.10f, 0.42f};
};

class Renderer {
public:
    // Needs a current OpenGL 3.3 core context. Builds the shaders from model.vert, model.frag,
    // composite.vert, composite.frag, smooth.frag, node_id.vert and node_id.frag in `shaderDir`;
    // throws RenderError, naming the file, when one cannot be read or does not build.
    explicit Renderer(const std::filesystem::path& shaderDir);
    ~Renderer();
    Renderer(const Renderer&) = delete;
    Renderer& operator=(const Renderer&) = delete;

    // Copies the model's geometry to the GPU, replacing the previous model.
    void setModel(const Model& model);
    // Draws a frame of `width` x `height` with a stand-in model of two tiny shapes, one solid and
    // one translucent, and forgets it: a software renderer compiles each shader for each way it is
    // drawn at its first use, which costs a first frame more than its drawing. Called while the
    // real model is still loading (on another thread), it takes that cost off the first frame.
    // `inMotion`: a frame in motion too (SceneMotion::Moving), as a window draws them.
    // Call before setModel, as it leaves no model.
    void warmUp(int width, int height, const Viewport& scene, bool inMotion);

    // How a frame's scene is drawn. In motion (the camera turning under the mouse) a software
    // renderer draws it at half the resolution across and down, in one sample, smooths its edges
    // and scales it up: a quarter of the pixels, with levels of detail to match. On a few CPU
    // cores that is the difference between a smooth turn and a halting one. A GPU draws it in full
    // either way.
    enum class SceneMotion { Still, Moving };
    // Starts a frame of `width` x `height` pixels whose model is drawn into `scene` (the part of
    // the frame the panels leave; drawScene must be given the same), and binds the multisampled
    // target, which holds that part alone. The background gradient goes under the scene in
    // resolveFrame.
    void beginFrame(int width, int height, const Viewport& scene, SceneMotion motion = SceneMotion::Still);
    // Draws the model as seen by `camera` into `viewport` of the current frame, each node as
    // `looks` (one per node, from lookOfNodes) says: solid parts first, then ghosts and the skin
    // from the farthest to the nearest, then x-ray's highlight over them.
    // `painZones` (at most kMaxPainZones; more are left out) are painted, softly and dotted, on the
    // outermost surface shown: the skin when it is drawn, else the solid structures.
    // When the scene is the one the target holds already (the same model, camera, viewport, looks,
    // zones and motion: only the panels changed), it is kept, not drawn again.
    void drawScene(const Model& model, const OrbitCamera& camera, const std::vector<NodeLook>& looks,
                   const Viewport& viewport, const std::vector<Ellipsoid>& painZones = {});
    // True when this frame's drawScene kept the scene drawn before.
    bool sceneKept() const { return sceneKept_; }
    // True when this frame's resolveFrame copied its kept layer without drawing it again.
    bool layerKept() const { return layerKept_; }
    // True when the driver rasterises on the CPU (Mesa's llvmpipe or softpipe, SwiftShader).
    bool software() const { return software_; }
    static constexpr std::size_t kMaxPainZones = 24;  // as many as the shader's arrays hold
    // Where a frame ends up: the window's own framebuffer (of the frame's size), or a target of the
    // renderer's that readFrame reads.
    enum class FrameTarget { Screen, Picture };
    // What is kept with the background and copied under each frame: the panels beside the 3D
    // view. `draw` draws it into the bound framebuffer (of the frame's size), and is called only
    // when `key` (what it draws, byte for byte) differs from the last one drawn or the layout
    // changed. It must not draw into the scene's part of the frame, which the scene covers.
    struct KeptLayer {
        std::string_view key;
        std::function<void()> draw;
    };
    // Resolves the multisampled frame over the background gradient (and `kept`, when given) into
    // `target` and leaves it bound, for overlays (the UI). Straight into the window's framebuffer,
    // as a window wants: a copy there afterwards cost a software renderer a pass over every pixel
    // of every frame.
    void resolveFrame(FrameTarget target = FrameTarget::Picture, const KeptLayer* kept = nullptr);
    // Reads the frame last resolved to FrameTarget::Picture back, top row first.
    Image readFrame() const;

    // How many pixels of `viewport` each node covers as the frame shows it, one count per node of
    // `model` (`looks` as for drawScene): a solid node where it is the nearest solid surface; a
    // ghost (x-ray's, the cutaway's) wherever it lies in front of the solids, other ghosts or not
    // (it is seen through them); the skin and other translucent shells 0. At full detail, without multisampling. Call after a
    // frame of the same size; the frame itself is left as it is.
    std::vector<std::uint64_t> visiblePixels(const Model& model, const OrbitCamera& camera,
                                             const std::vector<NodeLook>& looks, const Viewport& viewport);

    int samples() const { return samples_; }

private:
    // What a scene was drawn from, to tell whether the next one is the same.
    struct SceneInputs {
        std::uint64_t modelGeneration = 0;
        glm::mat4 view{0.0f};
        glm::mat4 projection{0.0f};
        Viewport viewport;
        int divisor = 1;
        std::vector<NodeLook> looks;
        std::vector<Ellipsoid> painZones;
        bool operator==(const SceneInputs&) const = default;
    };
    // Clears the part of the scene target this frame draws into to transparent.
    void clearScene();
    struct GpuPart;
    // The frame-sized target (the picture) for a frame of `width` x `height`.
    void ensureTargets(int width, int height);
    // The multisampled target the scene is drawn into, for a scene of `width` x `height`.
    void ensureSceneTarget(int width, int height);
    void releaseSceneTarget();
    // Uses `program` with the camera's matrices, drawing into `viewport` with the depth test on.
    // Sets the camera and the viewport: the whole scene target (`inSceneTarget`), or `viewport`'s
    // place in a frame-sized target.
    void startDrawing(const ShaderProgram& program, const OrbitCamera& camera, const Viewport& viewport,
                      bool inSceneTarget);
    void releaseTargets();
    // Draws the one triangle that covers the viewport (composite.vert), opaque, with the program in use.
    void drawViewportTriangle();
    // Uses `program`, one of the compositing ones, with the background's colours and the scene's place.
    void useCompositeProgram(const ShaderProgram& program);
    // The size of the textures a scene in motion is drawn into and smoothed in.
    glm::ivec2 movingTextureSize() const;
    // Smooths the edges of a scene drawn in motion (in one sample) into smoothColour_.
    void smoothMovingScene();
    // Copies the background, with `kept` over it when given, into `frame`; draws them into their
    // target first when the layout or what `kept` draws changed.
    void copyBackground(GLuint frame, const KeptLayer* kept);
    // Draws the solid parts, each as its node's number plus one, into the node-id target, and
    // adds up how many pixels of `viewport` each node holds.
    void countSolidPixels(const Model& model, const std::vector<NodeLook>& looks, const Viewport& viewport,
                          std::vector<std::uint64_t>& counts);
    // Adds up how many pixels each ghost covers in front of the solids drawn before.
    void countGhostPixels(const Model& model, const std::vector<NodeLook>& looks, std::vector<std::uint64_t>& counts);
    // Calls `visit` with each part's index of the visible nodes.
    void forEachDrawnPart(const Model& model, const std::vector<NodeLook>& looks,
                          const std::function<void(std::size_t, const Part&, const NodeLook&)>& visit) const;
    void drawPartAtFullDetail(std::size_t i);
    // Draws `parts` opaque, culling the back faces of closed ones.
    void drawSolids(const Model& model, const std::vector<NodeLook>& looks, const std::vector<std::size_t>& parts);
    // Sets the model program's per-part uniforms for part i; `painted`: it takes the pain map.
    void setPartUniforms(const Part& part, const NodeLook& look, bool painted);
    // Binds part i's geometry and draws it at this frame's detail level with the current program.
    void drawPart(std::size_t i);

    // The model's program, and its uniforms looked up once (the per-part ones are set for every
    // part of every frame). Two are built: with the pain map and without, as most frames have none.
    struct ModelProgram {
        ModelProgram(const std::filesystem::path& shaderDir, const std::string& defines);
        ShaderProgram program;
        GLint baseColour = -1;
        GLint material = -1;
        GLint hasFibres = -1;
        GLint partCentre = -1;
        GLint highlightStyle = -1;
        GLint ghost = -1;
        GLint dimmed = -1;
        GLint painted = -1;
        GLint hasStripes = -1;
    };
    ModelProgram plainModel_;
    ModelProgram paintedModel_;
    const ModelProgram* model_ = &plainModel_;  // this frame's
    ShaderProgram backgroundProgram_;  // the background gradient alone
    ShaderProgram compositeProgram_;   // resolves the scene over the background gradient
    ShaderProgram upscaleProgram_;    // lays a scene drawn in motion, smoothed, over it, scaled up
    ShaderProgram smoothProgram_;     // smooths the edges of a scene drawn in motion
    ShaderProgram nodeIdProgram_;
    GLuint emptyVertexArray_ = 0;
    std::vector<GpuPart> parts_;
    std::vector<std::size_t> solid_;        // this frame's opaque parts, nearest first
    std::vector<std::size_t> translucent_;  // this frame's ghosts and skin, farthest first
    std::vector<std::size_t> overGhosts_;   // x-ray's highlighted parts, drawn last
    std::vector<int> levelOf_;        // per part, this frame's detail level (0: full)
    bool paintSkin_ = false;          // this frame's pain map goes on the skin (else on the solids)

    int width_ = 0;
    int height_ = 0;
    int samples_ = 1;
    bool software_ = false;
    Viewport scene_;  // this frame's scene, in frame pixels from the top left
    int divisor_ = 1;          // this frame's scene is drawn at 1/divisor_ of its size across and down
    glm::ivec2 drawnSize_{1};  // the part of the scene target it is drawn into, from the bottom left
    bool sceneDrawn_ = false;  // drawScene ran this frame
    bool sceneKept_ = false;
    bool layerKept_ = false;
    std::uint64_t modelGeneration_ = 0;     // counts setModel calls
    std::optional<SceneInputs> heldScene_;  // what the scene target holds, when it holds a whole scene
    int sceneTargetWidth_ = 0;
    int sceneTargetHeight_ = 0;
    GLuint msaaFramebuffer_ = 0;
    GLuint msaaColour_ = 0;
    GLuint msaaDepth_ = 0;
    // A scene drawn in motion, resolved to one sample, which upscaleProgram_ filters up.
    GLuint movingFramebuffer_ = 0;
    GLuint movingColour_ = 0;
    GLuint movingDepth_ = 0;
    GLuint smoothFramebuffer_ = 0;  // the moving scene with its edges smoothed, which is scaled up
    GLuint smoothColour_ = 0;
    GLuint sceneFramebuffer() const { return divisor_ > 1 ? movingFramebuffer_ : msaaFramebuffer_; }
    GLuint resolvedFramebuffer_ = 0;
    GLuint resolvedColour_ = 0;
    // The frame's background with the kept layer over it, drawn once for a layout and what the
    // layer draws, and copied under each frame: a copy costs a software renderer a fraction of
    // drawing them again.
    GLuint backgroundFramebuffer_ = 0;
    GLuint backgroundColour_ = 0;
    struct BackgroundInputs {
        Viewport scene;
        std::optional<std::string> keptKey;  // none: no kept layer
    };
    std::optional<BackgroundInputs> background_;  // what the background target holds
    // Where this frame's model may show, in the scene's pixels from its top left; the scene is
    // composited there only. Width 0: nowhere.
    Viewport covered_{0, 0, 0, 0};
    // The node-id target of visiblePixels: a number per pixel, and depth.
    GLuint nodeIdFramebuffer_ = 0;
    GLuint nodeIdColour_ = 0;
    GLuint nodeIdDepth_ = 0;
};

}  // namespace dorsal
