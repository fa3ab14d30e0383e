"""Face vs. house decoding in ventral temporal cortex, Haxby et al. (2001), all 6 subjects.

Leave-one-run-out within subject; per-run detrending and z-scoring of voxel time series.
"""
import numpy as np
import pandas as pd
from nilearn import datasets, signal
from nilearn.maskers import NiftiMasker
from sklearn.feature_selection import SelectKBest, f_classif
from sklearn.model_selection import LeaveOneGroupOut, cross_val_score, permutation_test_score
from sklearn.pipeline import make_pipeline
from sklearn.svm import SVC

SEED = 0
N_PERM = 500
TR = 2.5


def load_subject(haxby, i):
    beh = pd.read_csv(haxby.session_target[i], sep=" ")
    masker = NiftiMasker(mask_img=haxby.mask_vt[i], standardize=False, memory="nilearn_cache")
    bold = masker.fit_transform(haxby.func[i])
    runs = beh["chunks"].to_numpy()
    bold = signal.clean(bold, runs=runs, detrend=True, standardize="zscore_sample",
                        high_pass=1 / 128, t_r=TR)
    # hemodynamic lag: shift labels by 2 TRs (5 s) within each run
    labels = beh.groupby("chunks")["labels"].shift(2).fillna("rest").to_numpy()
    keep = np.isin(labels, ["face", "house"])
    return bold[keep], (labels[keep] == "face").astype(int), runs[keep]


def main():
    haxby = datasets.fetch_haxby(subjects=[1, 2, 3, 4, 5, 6])
    rows = []
    for i in range(len(haxby.func)):
        X, y, runs = load_subject(haxby, i)
        decoder = make_pipeline(
            SelectKBest(f_classif, k=min(300, X.shape[1])),
            SVC(kernel="linear", C=0.05, random_state=SEED),
        )
        logo = LeaveOneGroupOut()
        scores = cross_val_score(decoder, X, y, groups=runs, cv=logo, scoring="balanced_accuracy")
        _, perm_scores, pval = permutation_test_score(
            decoder, X, y, groups=runs, cv=logo, scoring="balanced_accuracy",
            n_permutations=N_PERM, random_state=SEED, n_jobs=-1,
        )
        rows.append({"subject": i + 1, "n_voxels": X.shape[1], "bacc": scores.mean(),
                     "bacc_sd": scores.std(), "null_mean": perm_scores.mean(), "p": pval})
        print(f"sub-{i + 1}: bacc={scores.mean():.3f} (+/- {scores.std():.3f}), p={pval:.4f}")

    res = pd.DataFrame(rows)
    res.to_csv("haxby_face_house_logo.csv", index=False)
    print(res.round(3).to_string(index=False))
    print(f"group mean balanced accuracy: {res['bacc'].mean():.3f}")


if __name__ == "__main__":
    main()
