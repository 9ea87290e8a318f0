// A visual check of the packed map, not a test: builds (or reads) a blob,
// decodes it as the widget would, and rasterizes it to a PNG (or PPM) picture with
// pins, the great-circle arc from the centre to the last place and the locator.
// Picture files stay under build/: never commit them.
//
//   map_render --world-atlas <dir> --center <lat>,<lon> --span-km <km>
//              [--include <lat>,<lon>]... [--fit] [--zoom <factor>] [--blob <in.bin>]
//              --out <picture.png|.ppm>
//
// --fit zooms the view out to show every included place, as the widget does
// when a quote names a faraway place; --zoom then zooms around the first one.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <iostream>
#include <string>
#include <vector>

#include "article/geo.h"
#include "article/map_pack.h"
#include "compiler/map_build.h"
#include "compiler/output_dir.h"

namespace dateline {
namespace {

constexpr int kScale = 2;  // supersampling: drawn at twice the size, then averaged

// A PNG without a compressor: zlib "stored" blocks hold the raw scanlines.
std::uint32_t crc32(const std::string& data, std::size_t from) {
    std::uint32_t c = 0xFFFFFFFFu;
    for (std::size_t i = from; i < data.size(); ++i) {
        c ^= static_cast<unsigned char>(data[i]);
        for (int k = 0; k < 8; ++k) c = (c >> 1) ^ (0xEDB88320u & (0u - (c & 1u)));
    }
    return ~c;
}

void put_be32(std::string& out, std::uint32_t v) {
    for (int i = 3; i >= 0; --i) out.push_back(static_cast<char>((v >> (8 * i)) & 0xFF));
}

void put_chunk(std::string& png, const char* type, const std::string& data) {
    put_be32(png, static_cast<std::uint32_t>(data.size()));
    const std::size_t start = png.size();
    png += type;
    png += data;
    put_be32(png, crc32(png, start));
}

std::string encode_png(int w, int h, const std::string& rows) {
    std::string png = "\x89PNG\r\n\x1a\n";
    std::string header;
    put_be32(header, static_cast<std::uint32_t>(w));
    put_be32(header, static_cast<std::uint32_t>(h));
    header += std::string("\x08\x02\x00\x00\x00", 5);  // 8-bit RGB
    put_chunk(png, "IHDR", header);
    std::string z = "\x78\x01";
    std::uint32_t a = 1, b = 0;
    for (std::size_t at = 0; at < rows.size() || at == 0;) {
        const std::size_t n = std::min<std::size_t>(65535, rows.size() - at);
        z.push_back(at + n == rows.size() ? 1 : 0);
        z.push_back(static_cast<char>(n & 0xFF));
        z.push_back(static_cast<char>(n >> 8));
        z.push_back(static_cast<char>(~n & 0xFF));
        z.push_back(static_cast<char>((~n >> 8) & 0xFF));
        z.append(rows, at, n);
        at += n;
        if (n == 0) break;
    }
    for (unsigned char c : rows) {
        a = (a + c) % 65521;
        b = (b + a) % 65521;
    }
    put_be32(z, (b << 16) | a);
    put_chunk(png, "IDAT", z);
    put_chunk(png, "IEND", "");
    return png;
}

struct Rgb {
    unsigned char r, g, b;
};

class Canvas {
public:
    Canvas(int w, int h, Rgb fill) : w_(w), h_(h), px_(static_cast<std::size_t>(w * h), fill) {}

    void plot(int x, int y, Rgb c) {
        if (x >= 0 && y >= 0 && x < w_ && y < h_) px_[static_cast<std::size_t>(y * w_ + x)] = c;
    }

    void disc(double x, double y, double radius, Rgb c) {
        for (int j = static_cast<int>(y - radius); j <= static_cast<int>(y + radius) + 1; ++j) {
            for (int i = static_cast<int>(x - radius); i <= static_cast<int>(x + radius) + 1; ++i) {
                if ((i + 0.5 - x) * (i + 0.5 - x) + (j + 0.5 - y) * (j + 0.5 - y) <= radius * radius)
                    plot(i, j, c);
            }
        }
    }

    void line(ScreenPoint a, ScreenPoint b, double width, Rgb c) {
        const double len = std::hypot(b.x - a.x, b.y - a.y);
        if (len > 4 * (w_ + h_)) return;  // off-canvas nonsense would only be slow
        const int steps = std::max(1, static_cast<int>(len * 2));
        for (int s = 0; s <= steps; ++s) {
            const double t = static_cast<double>(s) / steps;
            disc(a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t, width / 2, c);
        }
    }

    // Even-odd scanline fill of a set of rings.
    void fill(const std::vector<std::vector<ScreenPoint>>& rings, Rgb c) {
        std::vector<double> xs;
        for (int y = 0; y < h_; ++y) {
            const double sy = y + 0.5;
            xs.clear();
            for (const auto& ring : rings) {
                for (std::size_t i = 0, n = ring.size(); i < n; ++i) {
                    const ScreenPoint a = ring[i], b = ring[(i + 1) % n];
                    if ((a.y > sy) != (b.y > sy)) xs.push_back(a.x + (sy - a.y) * (b.x - a.x) / (b.y - a.y));
                }
            }
            std::sort(xs.begin(), xs.end());
            for (std::size_t k = 0; k + 1 < xs.size(); k += 2) {
                const int x0 = std::max(0, static_cast<int>(std::ceil(xs[k] - 0.5)));
                const int x1 = std::min(w_ - 1, static_cast<int>(std::floor(xs[k + 1] - 0.5)));
                for (int x = x0; x <= x1; ++x) plot(x, y, c);
            }
        }
    }

    // Averaged down to the output size; PNG when the name ends in .png, else PPM.
    bool write(const std::string& path) const {
        const int w = w_ / kScale, h = h_ / kScale;
        std::string rows;  // PNG scanlines: filter byte 0, then RGB
        std::string rgb;
        for (int y = 0; y < h; ++y) {
            rows.push_back(0);
            for (int x = 0; x < w; ++x) {
                int sum[3] = {0, 0, 0};
                for (int j = 0; j < kScale; ++j) {
                    for (int i = 0; i < kScale; ++i) {
                        const Rgb p = px_[static_cast<std::size_t>((y * kScale + j) * w_ + x * kScale + i)];
                        sum[0] += p.r;
                        sum[1] += p.g;
                        sum[2] += p.b;
                    }
                }
                for (int k = 0; k < 3; ++k) {
                    rows.push_back(static_cast<char>(sum[k] / (kScale * kScale)));
                    rgb.push_back(rows.back());
                }
            }
        }
        const bool png = path.size() > 4 && path.compare(path.size() - 4, 4, ".png") == 0;
        const std::string bytes =
            png ? encode_png(w, h, rows)
                : "P6\n" + std::to_string(w) + " " + std::to_string(h) + "\n255\n" + rgb;
        std::FILE* f = std::fopen(path.c_str(), "wb");
        if (!f) return false;
        const bool ok = std::fwrite(bytes.data(), 1, bytes.size(), f) == bytes.size();
        return std::fclose(f) == 0 && ok;
    }

private:
    int w_, h_;
    std::vector<Rgb> px_;
};

const Rgb kOcean{214, 228, 238}, kLand{243, 240, 232}, kCoast{96, 110, 124}, kBorder{190, 120, 120},
    kPin{200, 40, 40}, kArc{40, 90, 200}, kBounds{150, 150, 150}, kInsetBg{255, 255, 255};

ScreenPoint ring_point(const MapLayer& layer, std::size_t i, const Projection& proj, const MapView& view) {
    return view.to_screen(proj.forward({layer.lonlat[2 * i + 1], layer.lonlat[2 * i]}));
}

void draw_polygons(Canvas& canvas, const MapLayer& layer, Rgb c,
                   const std::function<ScreenPoint(std::size_t)>& at) {
    for (const MapPolygon& polygon : layer.polygons) {
        std::vector<std::vector<ScreenPoint>> rings;
        for (std::uint32_t r = 0; r < polygon.ring_count; ++r) {
            const MapPart& part = layer.parts[polygon.first_ring + r];
            std::vector<ScreenPoint> ring;
            for (std::uint32_t i = 0; i < part.count; ++i) ring.push_back(at(part.first + i));
            rings.push_back(std::move(ring));
        }
        canvas.fill(rings, c);
    }
}

void draw_lines(Canvas& canvas, const MapLayer& layer, double width, Rgb c,
                const std::function<ScreenPoint(std::size_t)>& at) {
    for (const MapPart& part : layer.parts) {
        for (std::uint32_t i = 0; i + 1 < part.count; ++i)
            canvas.line(at(part.first + i), at(part.first + i + 1), width, c);
    }
}

int run(int argc, char** argv) {
    MapRequest request;
    std::string atlas, out, blob_path;
    bool fit = false;
    double zoom = 1;
    for (int i = 1; i < argc; ++i) {
        const std::string flag = argv[i];
        const char* value = i + 1 < argc ? argv[i + 1] : "";
        if (flag == "--fit") {
            fit = true;
            continue;
        }
        ++i;
        LatLon p;
        if (flag == "--world-atlas")
            atlas = value;
        else if (flag == "--out")
            out = value;
        else if (flag == "--blob")
            blob_path = value;
        else if (flag == "--span-km")
            request.span_km = std::atof(value);
        else if (flag == "--zoom")
            zoom = std::atof(value);
        else if (flag == "--center" && std::sscanf(value, "%lf,%lf", &p.lat, &p.lon) == 2)
            request.center = p;
        else if (flag == "--include" && std::sscanf(value, "%lf,%lf", &p.lat, &p.lon) == 2)
            request.include.push_back(p);
        else {
            std::cerr << "map_render: cannot use " << flag << "\n";
            return 1;
        }
    }
    std::string blob, error;
    if (!blob_path.empty() ? !read_file(blob_path, blob) : !build_map(request, atlas, blob, error)) {
        std::cerr << "map_render: " << (error.empty() ? "cannot read " + blob_path : error) << "\n";
        return 1;
    }
    MapPack pack;
    if (!decode_map_pack(reinterpret_cast<const std::uint8_t*>(blob.data()), blob.size(), pack)) {
        std::cerr << "map_render: the blob does not decode\n";
        return 1;
    }
    std::cerr << "blob " << blob.size() << " bytes; land " << pack.land.point_count() << " points in "
              << pack.land.parts.size() << " rings, coast " << pack.coast.parts.size() << " lines, borders "
              << pack.borders.point_count() << " points, world " << pack.world_land.point_count()
              << " points\n";

    const int w = 1000 * kScale, h = 700 * kScale;
    Canvas canvas(w, h, kOcean);
    const Projection proj(pack.center);
    MapView view({{0, 0}, pack.home_span_km}, pack.bounds, pack.home_span_km / 8,
                 std::max(pack.bounds.width(), pack.bounds.height()));
    view.set_viewport({0, 0, static_cast<double>(w), static_cast<double>(h)});
    if (fit && !request.include.empty()) {
        PlaneRect all{0, 0, 0, 0};
        for (const LatLon& place : request.include) {
            const PlanePoint q = proj.forward(place);
            all = {std::min(all.x0, q.x), std::min(all.y0, q.y), std::max(all.x1, q.x),
                   std::max(all.y1, q.y)};
        }
        view.set_state(view.fit(all, 60 * kScale));
    }
    view.zoom_around(
        zoom, view.to_screen(proj.forward(request.include.empty() ? pack.center : request.include[0])));
    auto at = [&](const MapLayer& layer) {
        return [&](std::size_t i) { return ring_point(layer, i, proj, view); };
    };
    draw_polygons(canvas, pack.land, kLand, at(pack.land));
    draw_lines(canvas, pack.borders, 1.2 * kScale, kBorder, at(pack.borders));
    draw_lines(canvas, pack.coast, 1.0 * kScale, kCoast, at(pack.coast));
    // Where the data ends.
    const PlaneRect& b = pack.bounds;
    const PlanePoint corners[5] = {{b.x0, b.y0}, {b.x1, b.y0}, {b.x1, b.y1}, {b.x0, b.y1}, {b.x0, b.y0}};
    for (int k = 0; k < 4; ++k)
        canvas.line(view.to_screen(corners[k]), view.to_screen(corners[k + 1]), kScale, kBounds);

    std::vector<LatLon> places = request.include;
    places.insert(places.begin(), pack.center);
    if (places.size() >= 2) {
        const auto arc = great_circle_points(places[0], places.back(), 96);
        for (std::size_t i = 0; i + 1 < arc.size(); ++i) {
            canvas.line(view.to_screen(proj.forward(arc[i])), view.to_screen(proj.forward(arc[i + 1])),
                        2.0 * kScale, kArc);
        }
    }
    for (const LatLon& place : places) {
        const ScreenPoint s = view.to_screen(proj.forward(place));
        canvas.disc(s.x, s.y, 5.0 * kScale, kPin);
        canvas.disc(s.x, s.y, 2.0 * kScale, Rgb{255, 255, 255});
    }

    // The locator: equirectangular, centred on the map's meridian.
    const double iw = 260 * kScale, ih = 130 * kScale, ix = w - iw - 10 * kScale, iy = h - ih - 10 * kScale;
    const double west = pack.center.lon - 180;
    auto inset = [&](double lon, double lat) {
        return ScreenPoint{ix + (lon - west) / 360 * iw, iy + (90 - lat) / 180 * ih};
    };
    canvas.fill({{{ix, iy}, {ix + iw, iy}, {ix + iw, iy + ih}, {ix, iy + ih}}}, kInsetBg);
    draw_polygons(canvas, pack.world_land, Rgb{170, 170, 160}, [&](std::size_t i) {
        return inset(pack.world_land.lonlat[2 * i], pack.world_land.lonlat[2 * i + 1]);
    });
    // The current view's outline on the locator.
    const PlanePoint tl = view.to_plane({0, 0}),
                     br = view.to_plane({static_cast<double>(w), static_cast<double>(h)});
    const PlanePoint outline[5] = {{tl.x, tl.y}, {br.x, tl.y}, {br.x, br.y}, {tl.x, br.y}, {tl.x, tl.y}};
    ScreenPoint previous{};
    for (int k = 0; k < 4; ++k) {
        for (int s = 0; s <= 40; ++s) {
            const double t = s / 40.0;
            LatLon g;
            if (!proj.inverse({outline[k].x + (outline[k + 1].x - outline[k].x) * t,
                               outline[k].y + (outline[k + 1].y - outline[k].y) * t},
                              g)) {
                continue;
            }
            const ScreenPoint p = inset(unwrap_lon(g.lon, pack.center.lon), g.lat);
            if ((k > 0 || s > 0) && std::fabs(p.x - previous.x) < iw / 2)
                canvas.line(previous, p, 1.5 * kScale, kPin);
            previous = p;
        }
    }
    if (!canvas.write(out)) {
        std::cerr << "map_render: cannot write " << out << "\n";
        return 1;
    }
    return 0;
}

}  // namespace
}  // namespace dateline

int main(int argc, char** argv) {
    return dateline::run(argc, argv);
}
