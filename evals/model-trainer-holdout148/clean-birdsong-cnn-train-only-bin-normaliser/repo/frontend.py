import librosa
import numpy as np

SR, N_MELS, HOP, SECONDS = 32000, 96, 320, 5


def segment_logmel(path, offset):
    y, _ = librosa.load(path, sr=SR, offset=offset, duration=SECONDS)
    y = np.pad(y, (0, max(0, SR * SECONDS - len(y))))
    mel = librosa.feature.melspectrogram(y=y, sr=SR, n_fft=1024, hop_length=HOP, n_mels=N_MELS,
                                         fmin=100, fmax=14000, power=2.0)
    return np.log(mel + 1e-6).astype(np.float32)


class BinNormaliser:
    """Per-mel-bin standardisation; fit on training spectrograms only."""

    def fit(self, specs):
        self.mean_ = specs.mean(axis=(0, 2))[None, :, None]
        self.std_ = specs.std(axis=(0, 2))[None, :, None] + 1e-5
        return self

    def transform(self, specs):
        return (specs - self.mean_) / self.std_
