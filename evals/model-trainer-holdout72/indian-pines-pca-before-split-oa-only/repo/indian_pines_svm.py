"""Indian Pines (AVIRIS, 145x145, 200 bands) pixel classification with PCA + SVM.

Ground truth has 16 classes with very different sizes, from 20 labelled pixels
(Oats) to 2455 (Soybean-mintill).
"""
import numpy as np
import scipy.io as sio
from sklearn.decomposition import PCA
from sklearn.metrics import accuracy_score
from sklearn.model_selection import GridSearchCV, StratifiedKFold, train_test_split
from sklearn.preprocessing import StandardScaler
from sklearn.pipeline import make_pipeline
from sklearn.svm import SVC

SEED = 345
N_COMPONENTS = 30
CLASS_NAMES = [
    "Alfalfa", "Corn-notill", "Corn-mintill", "Corn", "Grass-pasture", "Grass-trees",
    "Grass-pasture-mowed", "Hay-windrowed", "Oats", "Soybean-notill", "Soybean-mintill",
    "Soybean-clean", "Wheat", "Woods", "Buildings-Grass-Trees-Drives", "Stone-Steel-Towers",
]


def load_indian_pines(data_dir="data/indian_pines"):
    cube = sio.loadmat(f"{data_dir}/Indian_pines_corrected.mat")["indian_pines_corrected"]
    gt = sio.loadmat(f"{data_dir}/Indian_pines_gt.mat")["indian_pines_gt"]
    return cube.astype("float32"), gt.astype("int64")


def main():
    cube, gt = load_indian_pines()
    h, w, bands = cube.shape
    X = cube.reshape(-1, bands)
    y = gt.reshape(-1)
    labelled = y > 0
    X, y = X[labelled], y[labelled] - 1

    counts = np.bincount(y, minlength=len(CLASS_NAMES))
    for name, c in zip(CLASS_NAMES, counts):
        print(f"{name:>30}: {c:5d}")

    pca = PCA(n_components=N_COMPONENTS, whiten=True, random_state=SEED)
    X_pca = pca.fit_transform(X)
    print(f"explained variance (first {N_COMPONENTS} PCs): {pca.explained_variance_ratio_.sum():.4f}")

    X_train, X_test, y_train, y_test = train_test_split(
        X_pca, y, train_size=0.3, stratify=y, random_state=SEED)

    svm = make_pipeline(StandardScaler(), SVC(kernel="rbf"))
    grid = GridSearchCV(
        svm,
        {"svc__C": [10, 100, 1000], "svc__gamma": [0.001, 0.01, 0.1]},
        cv=StratifiedKFold(5, shuffle=True, random_state=SEED),
        n_jobs=-1,
    )
    grid.fit(X_train, y_train)
    print("best params:", grid.best_params_)

    majority = np.full_like(y_test, np.bincount(y_train).argmax())
    test_pred = grid.predict(X_test)
    print(f"majority-class OA: {accuracy_score(y_test, majority):.4f}")
    print(f"SVM overall accuracy: {accuracy_score(y_test, test_pred):.4f}")

    full_map = np.zeros(h * w, dtype=np.int64)
    full_map[labelled] = grid.predict(X_pca) + 1
    np.save("outputs/indian_pines_svm_map.npy", full_map.reshape(h, w))


if __name__ == "__main__":
    main()
