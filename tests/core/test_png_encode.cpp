// encode_png_rgba: the PNG decodes (stb_image) to exactly the pixels given, for flat areas,
// repeated rows, noise (several deflate blocks), rows too wide to match the row above, and
// bottom-up input; the file is well formed and carries an embedded map.
#include "core/png_embed.hpp"
#include "core/png_encode.hpp"

#include <catch2/catch.hpp>

#define STB_IMAGE_STATIC
#define STB_IMAGE_IMPLEMENTATION
#include <stb/stb_image.h>

#include <cstring>
#include <string>
#include <vector>

namespace {

// Flat bands, a repeated row pattern, a gradient and some noise: every kind of token.
std::vector<std::uint8_t> picture(int width, int height, unsigned seed) {
    std::vector<std::uint8_t> rgba(static_cast<size_t>(width) * static_cast<size_t>(height) * 4);
    unsigned state = seed;
    for (int y = 0; y < height; ++y) {
        for (int x = 0; x < width; ++x) {
            std::uint8_t* p = &rgba[(static_cast<size_t>(y) * static_cast<size_t>(width) + static_cast<size_t>(x)) * 4];
            state = state * 1103515245u + 12345u;
            const int band = (x / 7 + y / 5) % 4;
            if (band == 0) {
                p[0] = 255, p[1] = 255, p[2] = 255, p[3] = 255;
            } else if (band == 1) {
                p[0] = static_cast<std::uint8_t>(x * 3), p[1] = 40, p[2] = 90, p[3] = 200;
            } else if (band == 2) {
                p[0] = static_cast<std::uint8_t>(state >> 24), p[1] = static_cast<std::uint8_t>(state >> 16),
                p[2] = static_cast<std::uint8_t>(state >> 8), p[3] = static_cast<std::uint8_t>(state >> 3);
            } else {
                p[0] = 10, p[1] = 20, p[2] = 30, p[3] = 0;
            }
        }
    }
    return rgba;
}

std::vector<std::uint8_t> decode(const std::string& png, int& width, int& height) {
    int channels = 0;
    unsigned char* pixels = stbi_load_from_memory(reinterpret_cast<const unsigned char*>(png.data()),
                                                  static_cast<int>(png.size()), &width, &height, &channels, 4);
    if (pixels == nullptr) return {};
    std::vector<std::uint8_t> out(pixels, pixels + static_cast<size_t>(width) * static_cast<size_t>(height) * 4);
    stbi_image_free(pixels);
    return out;
}

void check_round_trip(int width, int height, unsigned seed) {
    const std::vector<std::uint8_t> rgba = picture(width, height, seed);
    const std::string png = ecomap::encode_png_rgba(rgba.data(), width, height);
    REQUIRE(ecomap::scan_png(png).well_formed);
    int w = 0, h = 0;
    const std::vector<std::uint8_t> back = decode(png, w, h);
    REQUIRE(w == width);
    REQUIRE(h == height);
    CHECK(back == rgba);
}

}  // namespace

TEST_CASE("encode_png_rgba: what a PNG reader decodes is exactly the pixels given") {
    check_round_trip(1, 1, 1);
    check_round_trip(3, 2, 2);
    check_round_trip(97, 31, 3);
    check_round_trip(640, 480, 4);   // several deflate blocks
    check_round_trip(8200, 3, 5);    // a row of more than 32 KB: no match with the row above
}

TEST_CASE("encode_png_rgba: a flat picture is small") {
    const std::vector<std::uint8_t> white(1000u * 800u * 4u, 255);
    const std::string png = ecomap::encode_png_rgba(white.data(), 1000, 800);
    CHECK(png.size() < 20000);
    int w = 0, h = 0;
    CHECK(decode(png, w, h) == white);
}

TEST_CASE("encode_png_rgba: bottom-up rows (as OpenGL reads them) come out top row first") {
    const int width = 50, height = 40;
    const std::vector<std::uint8_t> rgba = picture(width, height, 7);
    std::vector<std::uint8_t> flipped(rgba.size());
    const size_t row = static_cast<size_t>(width) * 4;
    for (int y = 0; y < height; ++y)
        std::memcpy(&flipped[row * static_cast<size_t>(height - 1 - y)], &rgba[row * static_cast<size_t>(y)], row);
    int w = 0, h = 0;
    CHECK(decode(ecomap::encode_png_rgba(flipped.data(), width, height, true), w, h) == rgba);
}

TEST_CASE("encode_png_rgba: sizes out of range give no file; a map embeds and reads back") {
    const std::vector<std::uint8_t> pixel(4, 0);
    CHECK(ecomap::encode_png_rgba(pixel.data(), 0, 1).empty());
    CHECK(ecomap::encode_png_rgba(pixel.data(), 1, -1).empty());
    CHECK(ecomap::encode_png_rgba(nullptr, 1, 1).empty());
    CHECK(ecomap::encode_png_rgba(pixel.data(), 70000, 1).empty());
    const std::string png = ecomap::encode_png_rgba(pixel.data(), 1, 1);
    const std::string with_map = ecomap::embed_document_in_png(png, R"({"title":"Ünïcode map"})");
    REQUIRE(!with_map.empty());
    CHECK(ecomap::document_from_png(with_map) == std::string(R"({"title":"Ünïcode map"})"));
}
