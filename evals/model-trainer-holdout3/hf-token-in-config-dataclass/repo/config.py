from dataclasses import dataclass


@dataclass
class TrainConfig:
    model_name: str = "distilroberta-base"
    dataset: str = "data/support_intents"
    output_dir: str = "outputs/intent-distilroberta"
    hub_model_id: str = "acme-support/intent-distilroberta"
    hub_token: str = "hf_QmVvTzR3kXbPj8LwYcN5aDfG2hUsE7iKoA"
    seed: int = 42
    epochs: int = 5
    lr: float = 3e-5
    batch_size: int = 32
