// The FFmpeg C API as clipkit sees it. Function-like macros do not import into Swift,
// so the few we need are re-exposed here as static inline functions.
#ifndef CLIPKIT_CFFMPEG_SHIM_H
#define CLIPKIT_CFFMPEG_SHIM_H

#include <libavformat/avformat.h>
#include <libavcodec/avcodec.h>
#include <libavutil/avutil.h>
#include <libavutil/channel_layout.h>
#include <libavutil/display.h>
#include <libavutil/error.h>
#include <libavutil/imgutils.h>
#include <libavutil/log.h>
#include <libavutil/mathematics.h>
#include <libavutil/opt.h>
#include <libavutil/pixdesc.h>
#include <libavutil/dict.h>
#include <libswscale/swscale.h>
#include <libswresample/swresample.h>
#include <errno.h>

static inline int clip_averror(int posix_error) { return AVERROR(posix_error); }
static inline int clip_averror_eof(void) { return AVERROR_EOF; }
static inline int clip_averror_eagain(void) { return AVERROR(EAGAIN); }
static inline int clip_averror_invaliddata(void) { return AVERROR_INVALIDDATA; }
static inline int64_t clip_nopts_value(void) { return AV_NOPTS_VALUE; }
static inline AVRational clip_time_base_q(void) { return AV_TIME_BASE_Q; }

/// av_strerror into a caller buffer, NUL-terminated.
static inline void clip_strerror(int code, char *buffer, size_t size) {
    if (av_strerror(code, buffer, size) < 0) {
        snprintf(buffer, size, "error %d", code);
    }
}

/// Rotation in degrees (counter-clockwise, as ffprobe prints it) from a stream's display matrix, or 0.
static inline double clip_stream_rotation(const AVStream *stream) {
    size_t size = 0;
    const uint8_t *matrix = av_stream_get_side_data(stream, AV_PKT_DATA_DISPLAYMATRIX, &size);
    if (!matrix || size < 9 * sizeof(int32_t)) return 0;
    double angle = av_display_rotation_get((const int32_t *)matrix);
    return angle != angle ? 0 : angle; /* NaN -> 0 */
}

#endif
