import pandas as pd
from sklearn.model_selection import train_test_split

FEATURES = ["al_thickness_nm", "sio2_overcoat_nm", "chamber_pressure_mpa", "substrate_temp_c",
            "deposition_rate_nm_s", "humidity_storage_pct", "months_in_service", "cleanings",
            "site_dust_index", "mirror_diameter_m"]


def split(cfg):
    runs = pd.read_csv(cfg.csv)
    X, y = runs[FEATURES], runs[cfg.target]
    X_dev, X_test, y_dev, y_test = train_test_split(X, y, test_size=cfg.test_size, random_state=cfg.seed)
    X_fit, X_val, y_fit, y_val = train_test_split(X_dev, y_dev, test_size=cfg.valid_size, random_state=cfg.seed)
    return (X_fit, y_fit), (X_val, y_val), (X_test, y_test)
