"""Regenerates the .npy fixtures of TensorFilesTest with real NumPy (run: python3 make_fixtures.py).

Every numeric fixture holds six values in shape (2, 3): for integers [min, -1 or 1, 0, 1, 2, max] of the
dtype, for floats [-2.5, -0.0, 0.0, 0.75, inf, nan]; the test checks the same values.
"""
import numpy as np

def ints(dt):
    info = np.iinfo(dt)
    second = -1 if info.min < 0 else 1
    return np.array([info.min, second, 0, 1, 2, info.max], dtype=dt).reshape(2, 3)

def floats(dt):
    return np.array([-2.5, -0.0, 0.0, 0.75, np.inf, np.nan], dtype=dt).reshape(2, 3)

for code in ["i1", "i2", "i4", "i8", "u1", "u2", "u4", "u8"]:
    np.save(f"{code}.npy", ints(np.dtype("<" + code)))
for code in ["f2", "f4", "f8"]:
    np.save(f"{code}.npy", floats(np.dtype("<" + code)))
np.save("b1.npy", np.array([True, False, True, True, False, False]).reshape(2, 3))
np.save("scalar_f8.npy", np.array(0.75, dtype="<f8"))
np.save("empty_i4.npy", np.zeros((0, 3), dtype="<i4"))
np.save("vector_u1.npy", np.arange(5, dtype="u1"))
with open("v2_f4.npy", "wb") as f:
    np.lib.format.write_array(f, floats("<f4"), version=(2, 0))
with open("v3_f4.npy", "wb") as f:
    np.lib.format.write_array(f, floats("<f4"), version=(3, 0))
np.save("bad_fortran_f4.npy", np.asfortranarray(floats("<f4")))
np.save("bad_bigendian_f4.npy", floats(">f4"))
np.save("bad_complex_c8.npy", np.array([1 + 2j], dtype="<c8"))
np.save("bad_structured.npy", np.zeros(2, dtype=[("a", "<i4"), ("b", "<f4")]))
