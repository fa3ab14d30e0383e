import mne
import numpy as np
from scipy.io import loadmat

EOG = ["EOG-left", "EOG-central", "EOG-right"]


def load_epochs(cfg, subject, session):
    """Band-passed epochs for one session ('T' = calibration, 'E' = evaluation)."""
    stem = f"A{subject:02d}{session}"
    raw = mne.io.read_raw_gdf(f"{cfg['data_dir']}/{stem}.gdf", eog=EOG, preload=True, verbose="error")
    raw.drop_channels(EOG)
    raw.filter(*cfg["band"], method="iir", iir_params=dict(order=5, ftype="butter"), verbose="error")

    events, _ = mne.events_from_annotations(raw, event_id={"768": 0}, verbose="error")
    y = loadmat(f"{cfg['data_dir']}/true_labels/{stem}.mat")["classlabel"].ravel()
    wanted = list(cfg["classes"].values())
    keep = np.isin(y, wanted)
    # cue onset is 2 s after the trial start marker
    epochs = mne.Epochs(raw, events[keep], tmin=2.0 + cfg["tmin"], tmax=2.0 + cfg["tmax"],
                        baseline=None, preload=True, verbose="error")
    return epochs.get_data(copy=False), (y[keep] == wanted[1]).astype(int)
