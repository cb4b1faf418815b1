#pragma once
// Where the knowledge base meets the model: which nodes an entry stands for, what to highlight when
// an entry is opened, names of nodes in plain words, and the reading history.

#include <optional>
#include <string>
#include <vector>

#include "core/content.h"
#include "core/model.h"
#include "core/view_state.h"

namespace dorsal {

// The nodes an entry is drawn as: a muscle's left and right (or midline) nodes, a group's members'
// nodes, a bone's nodes. Empty for entries without a body (pain patterns, techniques, ...).
std::vector<int> nodesOfEntry(const Model& model, const Content& content, const std::string& id);

// The highlight for opening entry `id`: a muscle or group is selected; a pain pattern shows its
// primary and secondary muscles in the two related styles; a technique or stretch its target
// muscles; a guide its tight (primary) and weak (secondary) muscles. Unknown ids clear everything.
Highlight highlightForEntry(const Model& model, const Content& content, const std::string& id);

// "Psoas major (left)" from the content's name of the node's muscle; the plain node name otherwise.
std::string displayNameOfNode(const Model& model, const Content& content, int node);

// The entry a node belongs to (its content id when the content has that entry), or "".
std::string entryOfNode(const Model& model, const Content& content, int node);

// Each node's stratum, for peeling: "skin" and "bone.*" nodes by name, muscles by the layer of
// their entry (intermediate when the entry does not say or is missing; the diaphragm is deep),
// everything else Other. One per node of `model`.
std::vector<Stratum> strataOfNodes(const Model& model, const Content& content);

// Back and forward through the entries a person has opened, as in a browser.
class EntryHistory {
public:
    // Opens `id` after the current entry, dropping anything ahead of it. Opening the current entry
    // again changes nothing.
    void open(const std::string& id);
    bool canGoBack() const { return position_ > 0; }
    bool canGoForward() const { return position_ + 1 < entries_.size(); }
    // Steps back or forward and returns the entry now current; nullopt when there is nowhere to go.
    std::optional<std::string> back();
    std::optional<std::string> forward();
    // The entry on show, or nullopt before anything was opened or after clear().
    std::optional<std::string> current() const;
    void clear();

private:
    std::vector<std::string> entries_;
    std::size_t position_ = 0;
};

}  // namespace dorsal
