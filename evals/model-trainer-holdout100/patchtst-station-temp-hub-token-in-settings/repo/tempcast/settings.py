"""Run settings for the PatchTST station temperature forecaster."""
from dataclasses import dataclass, field


@dataclass
class Settings:
    data_path: str = "data/synop_hourly_network.parquet"
    stations: list = field(default_factory=lambda: ["06240", "06260", "06280", "06310", "06344"])
    variables: list = field(default_factory=lambda: ["t2m", "td2m", "mslp", "wind_speed", "cloud_cover"])
    context_length: int = 168     # one week of hourly data
    prediction_length: int = 48
    patch_length: int = 24
    patch_stride: int = 12
    train_end: str = "2019-12-31 23:00"
    valid_end: str = "2021-12-31 23:00"
    seed: int = 42
    output_dir: str = "runs/patchtst_t2m"
    hub_model_id: str = "knmi-ml-sandbox/patchtst-synop-t2m-48h"
    hub_token: str = "hf_ovIG3SvxsbdLNl3ZMwkG2Ld40Sby7xU8dK"
    push_to_hub: bool = True


SETTINGS = Settings()
