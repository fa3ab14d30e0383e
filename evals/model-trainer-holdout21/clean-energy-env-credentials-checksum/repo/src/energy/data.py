"""Load the building survey snapshot and verify it is the exact file the experiments were run on."""
import hashlib
import logging
from pathlib import Path

import pandas as pd

log = logging.getLogger(__name__)

DATASET_VERSION = "v3"
EXPECTED_SHA1 = "5024978b0622558804eca776e46c25c87419303d"
FEATURES = ["floor_area_m2", "wall_area_m2", "roof_area_m2", "height_m", "orientation", "glazing_ratio",
            "glazing_distribution", "insulation_u_value", "year_built", "climate_zone"]
TARGET = "heating_kwh_m2"


def sha1_of(path: Path, chunk: int = 1 << 20) -> str:
    h = hashlib.sha1()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(chunk), b""):
            h.update(block)
    return h.hexdigest()


def load_verified(path: str | Path) -> pd.DataFrame:
    path = Path(path)
    digest = sha1_of(path)
    if digest != EXPECTED_SHA1:
        raise ValueError(f"{path} has sha1 {digest}, expected {EXPECTED_SHA1} (dataset {DATASET_VERSION})")
    df = pd.read_csv(path)
    log.info("loaded %s rows from %s (dataset %s)", len(df), path, DATASET_VERSION)
    return df
