import pandas as pd

FEATURES = [
    "df_max_mhz", "rocof_max_hz_s", "rocof_min_hz_s", "freq_nadir_hz", "freq_settle_hz",
    "v_dip_pu", "v_recovery_s", "v_unbalance_pct", "angle_jump_deg", "angle_spread_deg",
    "p_osc_mw", "osc_freq_hz", "osc_damping_pct", "n_pmus_triggered", "first_pmu_distance_km",
    "duration_s",
]


def load_events(cfg):
    df = pd.read_csv(cfg["events_csv"], parse_dates=["event_time"])
    df = df.dropna(subset=[cfg["label_col"]]).sort_values("event_time").reset_index(drop=True)
    return df


def chrono_split(df, cfg):
    test_start = pd.Timestamp(cfg["test_start"])
    dev = df[df["event_time"] < test_start]
    test = df[df["event_time"] >= test_start]
    n_val = int(len(dev) * cfg["val_fraction"])
    train, val = dev.iloc[:-n_val], dev.iloc[-n_val:]
    return train, val, test
