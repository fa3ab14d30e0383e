"""Run configuration for the support-assistant LoRA fine-tune."""
from dataclasses import dataclass, field


@dataclass
class LoraSettings:
    r: int = 16
    alpha: int = 32
    dropout: float = 0.05
    target_modules: list = field(default_factory=lambda: ["q_proj", "k_proj", "v_proj", "o_proj"])


@dataclass
class RunConfig:
    base_model: str = "meta-llama/Llama-3.2-1B-Instruct"
    dataset_path: str = "data/support_conversations.jsonl"
    output_dir: str = "outputs/support-lora"
    hub_repo_id: str = "acme-ml/support-assistant-lora"
    hub_token: str = "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"
    max_seq_length: int = 1024
    val_fraction: float = 0.05
    seed: int = 17
    learning_rate: float = 2e-4
    epochs: int = 3
    per_device_batch_size: int = 4
    grad_accum_steps: int = 8
    warmup_ratio: float = 0.03
    lora: LoraSettings = field(default_factory=LoraSettings)


def load_config(**overrides) -> RunConfig:
    cfg = RunConfig()
    for key, value in overrides.items():
        if not hasattr(cfg, key):
            raise KeyError(f"unknown config key: {key}")
        setattr(cfg, key, value)
    return cfg
