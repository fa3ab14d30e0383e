"""Feature construction for transmission-line fault type classification.

Input columns (per sample, simulated in Simulink on a 11 kV line):
    G, C, B, A   -> fault involvement flags (ground, phase C, B, A)
    Ia, Ib, Ic   -> phase currents (A)
    Va, Vb, Vc   -> phase voltages (pu)
"""
import numpy as np
import pandas as pd

FAULT_NAMES = {
    "0000": "NO_FAULT",
    "1001": "LG",
    "0110": "LL",
    "1011": "LLG",
    "0111": "LLL",
    "1111": "LLLG",
}
A_OP = np.exp(2j * np.pi / 3)


def fault_label(df):
    code = df[["G", "C", "B", "A"]].astype(int).astype(str).agg("".join, axis=1)
    return code.map(FAULT_NAMES)


def sequence_components(a, b, c):
    """Symmetrical components (zero, positive, negative) magnitudes, instantaneous approximation."""
    zero = (a + b + c) / 3.0
    pos = np.abs(a + A_OP * b + A_OP**2 * c) / 3.0
    neg = np.abs(a + A_OP**2 * b + A_OP * c) / 3.0
    return np.abs(zero), pos, neg


def build_features(df):
    out = df[["Ia", "Ib", "Ic", "Va", "Vb", "Vc"]].copy()
    i0, i1, i2 = sequence_components(df["Ia"], df["Ib"], df["Ic"])
    v0, v1, v2 = sequence_components(df["Va"], df["Vb"], df["Vc"])
    out["I0"], out["I1"], out["I2"] = i0, i1, i2
    out["V0"], out["V1"], out["V2"] = v0, v1, v2
    out["I2_I1"] = i2 / (i1 + 1e-6)
    out["I0_I1"] = i0 / (i1 + 1e-6)
    for ph in "abc":
        out[f"Z{ph}"] = df[f"V{ph}"].abs() / (df[f"I{ph}"].abs() + 1e-3)
    out["I_max"] = df[["Ia", "Ib", "Ic"]].abs().max(axis=1)
    out["V_min"] = df[["Va", "Vb", "Vc"]].abs().min(axis=1)
    return out
