from dataclasses import dataclass, field


@dataclass
class TrainConfig:
    base_model: str = "distilroberta-base"
    data_files: dict = field(default_factory=lambda: {
        "train": "data/intents_train.csv",
        "test": "data/intents_test.csv",
    })
    text_column: str = "utterance"
    label_column: str = "intent"
    max_length: int = 64
    val_size: float = 0.1
    lr: float = 4e-5
    epochs: int = 10
    batch_size: int = 32
    warmup_ratio: float = 0.06
    seed: int = 42
    output_dir: str = "outputs/intent-distilroberta"
    push_to_hub: bool = True
    hub_model_id: str = "acme-support/intent-distilroberta"
    hub_token: str = "hf_u8jzPde0IgxLd6GncfBAepfJBd0Kh8oOOL"
