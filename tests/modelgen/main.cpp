// Catch2 main for the model generator's tests.
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
