#include "core/model_loads.h"

#include <chrono>
#include <new>

namespace dorsal {

namespace {

bool finished(const std::future<Model>& result) {
    return result.wait_for(std::chrono::seconds(0)) == std::future_status::ready;
}

}  // namespace

ModelLoads::~ModelLoads() {
    cancel();
    for (const std::unique_ptr<Load>& load : cancelled_) load->result.wait();
}

void ModelLoads::start(const std::filesystem::path& path, std::optional<std::size_t> importBudget) {
    cancel();
    auto load = std::make_unique<Load>();
    load->path = path;
    LoadControl* control = &load->control;  // lives as long as the load: freed only after its thread ends
    load->result =
        std::async(std::launch::async, [this, path, importBudget, control] { return loader_(path, importBudget, control); });
    current_ = std::move(load);
}

void ModelLoads::cancel() {
    reapCancelled();
    if (!current_) return;
    current_->control.cancelled = true;
    cancelled_.push_back(std::move(current_));
}

std::optional<ModelLoads::Result> ModelLoads::poll() {
    reapCancelled();
    if (!current_ || !finished(current_->result)) return std::nullopt;
    const std::unique_ptr<Load> load = std::move(current_);
    Result result{load->path, std::nullopt, {}};
    try {
        result.model = load->result.get();
    } catch (const ModelLoadError& error) {
        result.error = error.what();
    } catch (const std::bad_alloc&) {
        result.error = load->path.string() + ": not enough memory to load this model";
    } catch (const std::exception& error) {
        result.error = load->path.string() + ": cannot be loaded (" + error.what() + ")";
    }
    return result;
}

void ModelLoads::reapCancelled() {
    std::erase_if(cancelled_, [](const std::unique_ptr<Load>& load) {
        if (!finished(load->result)) return false;
        try {
            load->result.get();
        } catch (...) {  // a cancelled load's result, or its failure, is of no interest
        }
        return true;
    });
}

}  // namespace dorsal
