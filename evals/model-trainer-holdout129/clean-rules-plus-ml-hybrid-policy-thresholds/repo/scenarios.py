"""Rule-based TM scenarios; thresholds per the BSA/AML policy (see config.json)."""
import pandas as pd


def run_scenarios(df: pd.DataFrame, th: dict) -> pd.DataFrame:
    out = pd.DataFrame(index=df.index)
    lo, hi = th["structuring_band"]
    out["r_large_cash"] = df["cash_in_total"] >= th["ctr_cash_total"]
    out["r_structuring"] = df["n_cash_in_between_%d_%d" % (lo, hi)] >= th["structuring_min_count"]
    out["r_rapid_movement"] = (df["inbound_total"] >= th["rapid_min_inbound"]) & (
        df["outbound_total"] >= th["rapid_in_out_ratio"] * df["inbound_total"]
    )
    out["r_hrj_wire"] = df["hrj_wire_total"] >= th["hrj_wire_min"]
    out = out.astype(int)
    out["any_rule"] = out.max(axis=1)
    return out
