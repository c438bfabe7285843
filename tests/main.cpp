#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>

#include "load/yaml_leak_suppression.h"
