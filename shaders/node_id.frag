#version 330 core
// The node's number plus one; 0 is left for the background.
uniform uint uNodeId;

out uint fragNodeId;

void main() { fragNodeId = uNodeId; }
