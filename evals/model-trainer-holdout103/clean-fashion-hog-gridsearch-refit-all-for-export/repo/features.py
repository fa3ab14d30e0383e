"""Per-image feature extraction (no fitted state)."""
import numpy as np
from skimage.feature import hog
from sklearn.base import BaseEstimator, TransformerMixin


class HOGFeatures(BaseEstimator, TransformerMixin):
    def __init__(self, orientations=9, pixels_per_cell=4, cells_per_block=2):
        self.orientations = orientations
        self.pixels_per_cell = pixels_per_cell
        self.cells_per_block = cells_per_block

    def fit(self, X, y=None):
        return self

    def transform(self, X):
        imgs = np.asarray(X, dtype=np.float32).reshape(-1, 28, 28) / 255.0
        ppc, cpb = self.pixels_per_cell, self.cells_per_block
        return np.stack([
            hog(im, orientations=self.orientations, pixels_per_cell=(ppc, ppc),
                cells_per_block=(cpb, cpb), feature_vector=True)
            for im in imgs
        ])
