import torch
import torch.nn.functional as F
import torchaudio
from torchaudio.datasets import SPEECHCOMMANDS

SAMPLE_RATE = 16000


class SpeechCommandsSubset(SPEECHCOMMANDS):
    def __init__(self, root, subset):
        super().__init__(root, download=True, subset=subset)


def build_label_map(dataset):
    labels = sorted({dataset.get_metadata(i)[2] for i in range(len(dataset))})
    return {lab: i for i, lab in enumerate(labels)}


class Collate:
    """Pad/crop to 1 s, turn into log-mel features, map labels to indices."""

    def __init__(self, label_map, n_mels=64):
        self.label_map = label_map
        self.melspec = torchaudio.transforms.MelSpectrogram(
            sample_rate=SAMPLE_RATE, n_fft=480, hop_length=160, n_mels=n_mels
        )
        self.to_db = torchaudio.transforms.AmplitudeToDB()

    def __call__(self, batch):
        waves, targets = [], []
        for wave, sr, label, *_ in batch:
            wave = wave[:, :SAMPLE_RATE]
            wave = F.pad(wave, (0, SAMPLE_RATE - wave.shape[-1]))
            waves.append(wave)
            targets.append(self.label_map[label])
        feats = self.to_db(self.melspec(torch.stack(waves)))
        return feats, torch.tensor(targets)
