"""30-s epoch features for automatic sleep staging (Sleep-EDF Expanded, Fpz-Cz + Pz-Oz)."""
import mne
import numpy as np
import pandas as pd

ANNOT_MAP = {
    "Sleep stage W": 0, "Sleep stage 1": 1, "Sleep stage 2": 2,
    "Sleep stage 3": 3, "Sleep stage 4": 3, "Sleep stage R": 4,
}
BANDS = {"delta": (0.5, 4.5), "theta": (4.5, 8.5), "alpha": (8.5, 11.5),
         "sigma": (11.5, 15.5), "beta": (15.5, 30.0)}


def read_night(psg_file, hyp_file):
    raw = mne.io.read_raw_edf(psg_file, stim_channel="Event marker", infer_types=True, verbose="error")
    raw.set_annotations(mne.read_annotations(hyp_file), emit_warning=False)
    # keep 30 min of wake before the first / after the last sleep epoch
    ann = raw.annotations
    sleep = [i for i, d in enumerate(ann.description) if d not in ("Sleep stage W", "Sleep stage ?", "Movement time")]
    raw.annotations.crop(ann[sleep[0]]["onset"] - 1800, ann[sleep[-1]]["onset"] + 1800)
    events, _ = mne.events_from_annotations(raw, event_id=ANNOT_MAP, chunk_duration=30.0, verbose="error")
    epochs = mne.Epochs(raw, events, tmin=0.0, tmax=30.0 - 1.0 / raw.info["sfreq"],
                        baseline=None, picks=["EEG Fpz-Cz", "EEG Pz-Oz"], preload=True, verbose="error")
    return epochs, epochs.events[:, 2]


def epoch_features(epochs):
    spec = epochs.compute_psd(method="welch", fmin=0.5, fmax=30.0, n_fft=512, verbose="error")
    psd, freqs = spec.get_data(return_freqs=True)
    psd /= psd.sum(axis=-1, keepdims=True)                    # relative power per epoch & channel
    feats = {}
    for ch_i, ch in enumerate(epochs.ch_names):
        for band, (lo, hi) in BANDS.items():
            m = (freqs >= lo) & (freqs < hi)
            feats[f"{ch}_{band}"] = np.log10(psd[:, ch_i, m].sum(axis=-1))
    df = pd.DataFrame(feats)
    # temporal context: neighbouring epochs of the same night
    ctx = pd.concat([df.shift(1).add_suffix("_prev"), df.shift(-1).add_suffix("_next")], axis=1)
    return pd.concat([df, ctx.bfill().ffill()], axis=1)
