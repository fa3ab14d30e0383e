import tensorflow as tf

SR = 16000


def load_wav(path):
    audio, _ = tf.audio.decode_wav(tf.io.read_file(path), desired_channels=1)
    audio = tf.squeeze(audio, -1)[:SR]
    return tf.pad(audio, [[0, SR - tf.shape(audio)[0]]])


def log_mel(audio, n_mels=40):
    spec = tf.abs(tf.signal.stft(audio, frame_length=400, frame_step=160, fft_length=512))
    w = tf.signal.linear_to_mel_weight_matrix(n_mels, 257, SR, 20.0, 7800.0)
    return tf.math.log(tf.tensordot(spec, w, 1) + 1e-6)[..., tf.newaxis]


def random_shift(audio, max_shift=1600):
    return tf.roll(audio, tf.random.uniform([], -max_shift, max_shift + 1, dtype=tf.int32), axis=0)
