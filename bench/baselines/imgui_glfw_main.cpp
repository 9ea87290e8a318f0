// Baseline ImGui web apps for `make bench` (never shipped, never committed
// as build output). One source, two builds (bench/build-baselines.sh):
//
//   naive-imgui  BENCH_DEMO=1: the upstream example_glfw_opengl3 program,
//                ImGui::ShowDemoWindow() plus the "Hello, world!" window, -O2.
//                What most Dear ImGui web apps ship.
//   hello-imgui  BENCH_DEMO=0: one window with one line of text, -Oz -flto.
//
// Both use Emscripten's built-in GLFW (-sUSE_GLFW=3), the stock
// imgui_impl_glfw + imgui_impl_opengl3 backends on WebGL2 and the usual
// emscripten_set_main_loop() loop, which draws every animation frame.
// Upstream's examples/libs/emscripten/emscripten_mainloop_stub.h is not in
// Debian's +ds tarball, so the loop is spelled out here (same behaviour).
#include "imgui.h"
#include "imgui_impl_glfw.h"
#include "imgui_impl_opengl3.h"
#include <GLFW/glfw3.h>
#include <emscripten.h>
#include <stdio.h>

#ifndef BENCH_DEMO
#define BENCH_DEMO 1
#endif

static GLFWwindow* g_window = nullptr;
static bool g_show_demo_window = true;
static bool g_show_another_window = false;
static ImVec4 g_clear_color = ImVec4(0.45f, 0.55f, 0.60f, 1.00f);

static void glfw_error_callback(int error, const char* description) {
    fprintf(stderr, "GLFW Error %d: %s\n", error, description);
}

static void main_loop_step() {
    ImGuiIO& io = ImGui::GetIO();
    glfwPollEvents();

    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    ImGui::NewFrame();

#if BENCH_DEMO
    if (g_show_demo_window)
        ImGui::ShowDemoWindow(&g_show_demo_window);
    {
        static float f = 0.0f;
        static int counter = 0;
        ImGui::Begin("Hello, world!");
        ImGui::Text("This is some useful text.");
        ImGui::Checkbox("Demo Window", &g_show_demo_window);
        ImGui::Checkbox("Another Window", &g_show_another_window);
        ImGui::SliderFloat("float", &f, 0.0f, 1.0f);
        ImGui::ColorEdit3("clear color", (float*)&g_clear_color);
        if (ImGui::Button("Button"))
            counter++;
        ImGui::SameLine();
        ImGui::Text("counter = %d", counter);
        ImGui::Text("Application average %.3f ms/frame (%.1f FPS)", 1000.0f / io.Framerate, io.Framerate);
        ImGui::End();
    }
    if (g_show_another_window) {
        ImGui::Begin("Another Window", &g_show_another_window);
        ImGui::Text("Hello from another window!");
        if (ImGui::Button("Close Me"))
            g_show_another_window = false;
        ImGui::End();
    }
#else
    (void)io;
    ImGui::Begin("Hello");
    ImGui::TextUnformatted("Hello from a minimal Dear ImGui web app.");
    ImGui::End();
#endif

    ImGui::Render();
    int display_w, display_h;
    glfwGetFramebufferSize(g_window, &display_w, &display_h);
    glViewport(0, 0, display_w, display_h);
    glClearColor(g_clear_color.x * g_clear_color.w, g_clear_color.y * g_clear_color.w,
                 g_clear_color.z * g_clear_color.w, g_clear_color.w);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    glfwSwapBuffers(g_window);
}

int main(int, char**) {
    glfwSetErrorCallback(glfw_error_callback);
    if (!glfwInit())
        return 1;
    const char* glsl_version = "#version 300 es";  // WebGL2
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
    glfwWindowHint(GLFW_CLIENT_API, GLFW_OPENGL_ES_API);
    g_window = glfwCreateWindow(1280, 800, "Dear ImGui GLFW+OpenGL3 example", nullptr, nullptr);
    if (g_window == nullptr)
        return 1;
    glfwMakeContextCurrent(g_window);
    glfwSwapInterval(1);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableGamepad;
    io.IniFilename = nullptr;  // no filesystem in the web build
    ImGui::StyleColorsDark();

    ImGui_ImplGlfw_InitForOpenGL(g_window, true);
    ImGui_ImplGlfw_InstallEmscriptenCallbacks(g_window, "#canvas");
    ImGui_ImplOpenGL3_Init(glsl_version);
    // No font loaded: ImGui's built-in ProggyClean.

    emscripten_set_main_loop(main_loop_step, 0, 1);
    return 0;
}
