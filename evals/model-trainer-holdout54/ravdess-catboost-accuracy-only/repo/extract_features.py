"""Extract eGeMAPSv02 functionals for every RAVDESS speech file into a CSV."""
import glob
import os

import opensmile
import pandas as pd

RAVDESS_DIR = os.environ.get("RAVDESS_DIR", "data/ravdess")
EMOTIONS = {"01": "neutral", "02": "calm", "03": "happy", "04": "sad",
            "05": "angry", "06": "fearful", "07": "disgust", "08": "surprised"}


def parse_name(path):
    # modality-channel-emotion-intensity-statement-repetition-actor.wav
    parts = os.path.basename(path)[:-4].split("-")
    return {"emotion": EMOTIONS[parts[2]], "intensity": int(parts[3]), "actor": int(parts[6])}


def main():
    smile = opensmile.Smile(feature_set=opensmile.FeatureSet.eGeMAPSv02,
                            feature_level=opensmile.FeatureLevel.Functionals)
    paths = sorted(glob.glob(os.path.join(RAVDESS_DIR, "Actor_*", "03-01-*.wav")))
    feats = smile.process_files(paths).reset_index(drop=True)
    meta = pd.DataFrame([parse_name(p) for p in paths])
    out = pd.concat([meta, feats], axis=1)
    out.to_csv("data/ravdess_egemaps.csv", index=False)
    print(out.shape)


if __name__ == "__main__":
    main()
