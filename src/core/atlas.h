#pragma once
// Where the knowledge base meets the model: which nodes an entry stands for, what to highlight when
// an entry is opened, and names of nodes in plain words.

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

// The muscles an entry is mainly about, in the order it lists them (the first matter most): a
// muscle itself, a group's members, a pain pattern's primary muscles, a technique's or stretch's
// targets, a guide's tight muscles. Empty for other entries and unknown ids.
std::vector<std::string> primaryMusclesOf(const Content& content, const std::string& id);

// "Psoas major (left)" from the content's name of the node's muscle; the plain node name otherwise.
std::string displayNameOfNode(const Model& model, const Content& content, int node);

// The entry a node belongs to (its content id when the content has that entry), or "".
std::string entryOfNode(const Model& model, const Content& content, int node);

// Each node's stratum, for peeling: "skin" and "bone.*" nodes by name, muscles by the layer of
// their entry (intermediate when the entry does not say or is missing; the diaphragm is deep),
// everything else Other. One per node of `model`.
std::vector<Stratum> strataOfNodes(const Model& model, const Content& content);

}  // namespace dorsal
