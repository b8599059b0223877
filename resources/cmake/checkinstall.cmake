# SPDX-License-Identifier: GPL-3.0-or-later
# Installs the build into a scratch prefix and fails unless every file a desktop needs is there.
#   cmake -DBUILD_DIR=… -DPREFIX=… -DAPP_ID=… -DBINDIR=… -DDATADIR=… -DMANDIR=… -P checkinstall.cmake
file(REMOVE_RECURSE ${PREFIX})
execute_process(COMMAND ${CMAKE_COMMAND} --install ${BUILD_DIR} --prefix ${PREFIX}
                RESULT_VARIABLE status OUTPUT_QUIET)
if(NOT status EQUAL 0)
    message(FATAL_ERROR "cmake --install ${BUILD_DIR} failed: ${status}")
endif()
set(expected
    ${BINDIR}/wordmill
    ${BINDIR}/wordmill-cli
    ${DATADIR}/applications/${APP_ID}.desktop
    ${DATADIR}/metainfo/${APP_ID}.metainfo.xml
    ${DATADIR}/icons/hicolor/scalable/apps/${APP_ID}.svg
    ${DATADIR}/icons/hicolor/48x48/apps/${APP_ID}.png
    ${DATADIR}/icons/hicolor/256x256/apps/${APP_ID}.png
    ${DATADIR}/wordmill/stopwords-en.txt
    ${DATADIR}/wordmill/stopwords-es.txt
    ${MANDIR}/man1/wordmill.1.gz
    ${MANDIR}/man1/wordmill-cli.1.gz
    ${MANDIR}/es/man1/wordmill.1.gz
    ${MANDIR}/es/man1/wordmill-cli.1.gz
    ${DATADIR}/bash-completion/completions/wordmill-cli
    ${DATADIR}/zsh/vendor-completions/_wordmill-cli
    ${DATADIR}/fish/vendor_completions.d/wordmill-cli.fish
    share/doc/wordmill/LICENSE
    share/doc/wordmill/README.md)
set(missing)
foreach(path IN LISTS expected)
    if(NOT EXISTS ${PREFIX}/${path})
        list(APPEND missing ${path})
    endif()
endforeach()
if(missing)
    message(FATAL_ERROR "not installed: ${missing}")
endif()
# The installed program must find its stop-word lists from where it was installed.
execute_process(COMMAND ${PREFIX}/${BINDIR}/wordmill-cli --version
                RESULT_VARIABLE status OUTPUT_VARIABLE version)
if(NOT status EQUAL 0 OR NOT version MATCHES "wordmill-cli [0-9]")
    message(FATAL_ERROR "installed wordmill-cli --version: ${status} ${version}")
endif()
file(REMOVE_RECURSE ${PREFIX})
message(STATUS "install tree complete")
